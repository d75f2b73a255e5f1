import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CandidateRecord, ReviewRecord } from '@/utils/db/types';
import { RatingBadge } from './RatingBadge';

// "Your maybe": LinkedIn's own rating can be "Maybe" too, and the two must not be confused.
const DECISION_LABELS = {
  shortlist: 'Shortlisted',
  maybe: 'Your maybe',
  reject: 'Rejected',
} as const;

interface Props {
  candidate: CandidateRecord;
  review: ReviewRecord | undefined;
  isNew: boolean;
  active: boolean;
  /** Moves focus to the row when it becomes active by keyboard. */
  focusWhenActive: boolean;
  onOpen: () => void;
  onFocus: () => void;
}

export function CandidateRow({
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
  const name = c.fullName || `${c.firstName} ${c.lastName}`.trim() || 'Unnamed';
  return (
    <button
      ref={ref}
      type="button"
      class={`row-button${active ? ' active' : ''}${review?.seenAt ? ' seen' : ''}`}
      onClick={onOpen}
      onFocus={onFocus}
      aria-current={active ? 'true' : undefined}
    >
      <span class="row-top">
        <span class="row-name">{name}</span>
        {isNew && <span class="badge new">New</span>}
        {review?.decision && (
          <span class={`badge decision-${review.decision}`}>
            {DECISION_LABELS[review.decision]}
          </span>
        )}
        {c.isTopChoice && (
          <span class="badge top-choice" title="Marked this job as a top choice">
            ★ Top choice
          </span>
        )}
        <RatingBadge rating={c.rating} />
      </span>
      <span class="row-sub">{c.headline}</span>
      <span class="row-sub muted">
        {c.location}
        {c.noLongerListed ? ' · no longer listed' : ''}
        {review?.notes ? ' · has notes' : ''}
      </span>
    </button>
  );
}
