import type { CandidateRecord, Decision, ReviewRecord } from '@/utils/db/types';
import { formatDateTime } from '@/utils/format';
import { CvSection } from './CvSection';
import { ProfileLink } from './ProfileLink';
import { RatingBadge } from './RatingBadge';
import { ReviewControls } from './ReviewControls';

/** The API's date when it is one (ISO or similar), as it came otherwise. */
function formatApplied(raw: string): string {
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? raw : formatDateTime(ms);
}

interface Props {
  candidate: CandidateRecord;
  review: ReviewRecord | undefined;
  tagsInUse: string[];
  onDecide: (decision: Decision) => void;
  onNotes: (notes: string) => void;
  onTags: (tags: string[]) => void;
  position: string;
  onBack: () => void;
  onPrevious?: () => void;
  onNext?: () => void;
}

/** Everything the API returned about one applicant, every value rendered as text. */
export function CandidateDetail(props: Props) {
  const { candidate: c, position, onBack, onPrevious, onNext } = props;
  return (
    <article class="detail" aria-labelledby="detail-name">
      <nav class="detail-nav">
        <button type="button" onClick={onBack}>
          ← Back to list
        </button>
        <span class="muted">{position}</span>
        <span class="spacer" />
        <button
          type="button"
          onClick={onPrevious}
          disabled={!onPrevious}
          aria-label="Previous candidate"
        >
          ↑
        </button>
        <button type="button" onClick={onNext} disabled={!onNext} aria-label="Next candidate">
          ↓
        </button>
      </nav>
      <h2 id="detail-name">{c.fullName || `${c.firstName} ${c.lastName}`.trim() || 'Unnamed'}</h2>
      <p>{c.headline}</p>
      <p class="muted">{c.location}</p>
      <p>
        <span class="muted small">LinkedIn rating: </span>
        <RatingBadge rating={c.rating} />
        {c.isTopChoice && <span class="badge top-choice">★ Top choice</span>}
        {c.noLongerListed && <span class="badge">No longer listed</span>}
      </p>
      {c.isTopChoice && c.topChoiceMessage && (
        <section aria-labelledby="tc-h">
          <h3 id="tc-h">Top-choice message</h3>
          <p class="prewrap">{c.topChoiceMessage}</p>
        </section>
      )}
      <ProfileLink url={c.profileUrl} />
      <CvSection
        key={c.applicationId}
        jobId={c.jobId}
        applicationId={c.applicationId}
        fullName={c.fullName || `${c.firstName} ${c.lastName}`.trim()}
      />
      <ReviewControls
        key={c.applicationId}
        review={props.review}
        tagsInUse={props.tagsInUse}
        onDecide={props.onDecide}
        onNotes={props.onNotes}
        onTags={props.onTags}
      />
      <section aria-labelledby="exp-h">
        <h3 id="exp-h">Experience</h3>
        {c.experiences.length === 0 ? (
          <p class="muted">No experience listed.</p>
        ) : (
          <ol class="experiences">
            {c.experiences.map((e, i) => (
              <li key={i}>
                <strong>{e.title}</strong>
                {e.company && <span> · {e.company}</span>}
                {e.dateRange && <div class="muted">{e.dateRange}</div>}
                {e.description && <p class="prewrap">{e.description}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <p class="muted small">
        Application {c.applicationId}
        {c.applicationDate ? ` · applied ${formatApplied(c.applicationDate)}` : ''} · first seen{' '}
        {formatDateTime(c.firstSeenAt)}
      </p>
    </article>
  );
}
