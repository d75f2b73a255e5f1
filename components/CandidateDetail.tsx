import type { CandidateRecord, Decision, ReviewRecord } from '@/utils/db/types';
import { formatDateTime } from '@/utils/format';
import { t } from '@/utils/i18n';
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
          ← {t('detailBack')}
        </button>
        <span class="muted">{position}</span>
        <span class="spacer" />
        <button
          type="button"
          onClick={onPrevious}
          disabled={!onPrevious}
          aria-label={t('candidatePrevious')}
        >
          ↑
        </button>
        <button type="button" onClick={onNext} disabled={!onNext} aria-label={t('candidateNext')}>
          ↓
        </button>
      </nav>
      <h2 id="detail-name">
        {c.fullName || `${c.firstName} ${c.lastName}`.trim() || t('candidateUnnamed')}
      </h2>
      <p>{c.headline}</p>
      <p class="muted">{c.location}</p>
      <p>
        <span class="muted small">{t('detailRatingLabel')} </span>
        <RatingBadge rating={c.rating} />
        {c.isTopChoice && <span class="badge top-choice">★ {t('topChoice')}</span>}
        {c.noLongerListed && <span class="badge">{t('detailNoLongerListed')}</span>}
      </p>
      {c.isTopChoice && c.topChoiceMessage && (
        <section aria-labelledby="tc-h">
          <h3 id="tc-h">{t('detailTopChoiceMessage')}</h3>
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
        <h3 id="exp-h">{t('detailExperience')}</h3>
        {c.experiences.length === 0 ? (
          <p class="muted">{t('detailNoExperience')}</p>
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
        {c.applicationDate
          ? t(
              'detailApplication',
              c.applicationId,
              formatApplied(c.applicationDate),
              formatDateTime(c.firstSeenAt),
            )
          : t('detailApplicationUndated', c.applicationId, formatDateTime(c.firstSeenAt))}
      </p>
    </article>
  );
}
