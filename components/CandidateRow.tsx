import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CandidateRecord, ReviewRecord } from '@/utils/db/types';
import { t } from '@/utils/i18n';
import { memo } from '@/utils/panel/stable';
import { RatingBadge } from './RatingBadge';

// "Your maybe": LinkedIn's own rating can be "Maybe" too, and the two must not be confused.
const DECISION_LABELS = {
  shortlist: 'rowShortlisted',
  maybe: 'rowYourMaybe',
  reject: 'rowRejected',
} as const;

interface Props {
  candidate: CandidateRecord;
  review: ReviewRecord | undefined;
  isNew: boolean;
  active: boolean;
  /** Moves focus to the row when it becomes active by keyboard. */
  focusWhenActive: boolean;
  /** Called with the row's application ID: one handler for every row, so rows can skip renders. */
  onOpen: (applicationId: string) => void;
  onFocus: (applicationId: string) => void;
}

/** Rendered again only when its own props change, not on every keystroke in the search. */
export const CandidateRow = memo(function CandidateRow({
  candidate: c,
  review,
  isNew,
  active,
  focusWhenActive,
  onOpen,
  onFocus,
}: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (active && focusWhenActive) ref.current?.focus({ preventScroll: true });
  }, [active, focusWhenActive]);
  const name = c.fullName || `${c.firstName} ${c.lastName}`.trim() || t('candidateUnnamed');
  return (
    <button
      ref={ref}
      type="button"
      class={`row-button${active ? ' active' : ''}${review?.seenAt ? ' seen' : ''}`}
      onClick={() => onOpen(c.applicationId)}
      onFocus={() => onFocus(c.applicationId)}
      aria-current={active ? 'true' : undefined}
    >
      <span class="row-top">
        <span class="row-name">{name}</span>
        {isNew && <span class="badge new">{t('rowNew')}</span>}
        {review?.decision && (
          <span class={`badge decision-${review.decision}`}>
            {t(DECISION_LABELS[review.decision])}
          </span>
        )}
        {c.isTopChoice && (
          <span class="badge top-choice" title={t('rowTopChoiceTitle')}>
            ★ {t('topChoice')}
          </span>
        )}
        <RatingBadge rating={c.rating} />
      </span>
      <span class="row-sub">{c.headline}</span>
      <span class="row-sub muted">
        {c.location}
        {c.noLongerListed ? ` · ${t('rowNoLongerListed')}` : ''}
        {review?.notes ? ` · ${t('rowHasNotes')}` : ''}
      </span>
    </button>
  );
});
