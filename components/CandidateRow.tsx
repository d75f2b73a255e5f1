import type { CandidateRecord } from '@/utils/db/types';
import { RatingBadge } from './RatingBadge';

interface Props {
  candidate: CandidateRecord;
  active: boolean;
  onOpen: () => void;
}

export function CandidateRow({ candidate: c, active, onOpen }: Props) {
  return (
    <button
      type="button"
      class={`row-button${active ? ' active' : ''}`}
      onClick={onOpen}
      aria-current={active ? 'true' : undefined}
    >
      <span class="row-top">
        <span class="row-name">
          {c.fullName || `${c.firstName} ${c.lastName}`.trim() || 'Unnamed'}
        </span>
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
      </span>
    </button>
  );
}
