import { formatCredits, formatNumber } from '@/utils/format';
import type { CvBatch } from '@/utils/messages';

interface Props {
  batch: CvBatch | null;
  /** How many candidates the button would ask CVs for (the filtered view, or all). */
  count: number;
  onStart: () => void;
  onCancel: () => void;
}

/** "Get CVs" for the candidates shown, with progress, the cost so far and Cancel. */
export function CvBatchControls({ batch, count, onStart, onCancel }: Props) {
  const running = batch?.status === 'running';
  return (
    <div class="cv-batch small">
      {running && batch ? (
        <>
          <span>
            CVs: {formatNumber(batch.done)} of {formatNumber(batch.total)} ·{' '}
            {formatNumber(batch.stored)} stored · {formatNumber(batch.noCv)} without a CV ·{' '}
            {formatCredits(batch.credits)} spent
            {batch.stopping ? ' · stopping after the current CV' : ''}
          </span>
          <button type="button" onClick={onCancel} disabled={batch.stopping}>
            Cancel CVs
          </button>
        </>
      ) : (
        <>
          <button type="button" onClick={onStart} disabled={count === 0}>
            Get CVs ({formatNumber(count)})
          </button>
          {batch && (
            <span role="status">
              {batch.status === 'done'
                ? 'CVs done'
                : batch.status === 'cancelled'
                  ? 'CVs cancelled'
                  : 'CVs stopped'}
              : {formatNumber(batch.stored + batch.alreadyStored)} stored,{' '}
              {formatNumber(batch.noCv)} without a CV
              {batch.failed > 0 ? `, ${formatNumber(batch.failed)} failed` : ''} ·{' '}
              {formatCredits(batch.credits)} spent.
              {batch.error ? ` ${batch.error.message}` : ''}
            </span>
          )}
        </>
      )}
    </div>
  );
}
