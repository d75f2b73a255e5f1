import { formatCredits, formatNumber } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { CvBatch } from '@/utils/messages';
import { memo } from '@/utils/panel/stable';

interface Props {
  batch: CvBatch | null;
  /** How many candidates the button would ask CVs for (the filtered view, or all). */
  count: number;
  onStart: () => void;
  onCancel: () => void;
}

/** How a finished batch went: "CVs done: 2 stored, 1 without a CV · 20 credits spent." */
function outcome(batch: CvBatch): string {
  const stored = formatNumber(batch.stored + batch.alreadyStored);
  const noCv = formatNumber(batch.noCv);
  const credits = formatCredits(batch.credits);
  const summary =
    batch.failed > 0
      ? t('cvBatchSummaryFailed', stored, noCv, formatNumber(batch.failed), credits)
      : t('cvBatchSummary', stored, noCv, credits);
  const text =
    batch.status === 'done'
      ? t('cvBatchDone', summary)
      : batch.status === 'cancelled'
        ? t('cvBatchCancelled', summary)
        : t('cvBatchStopped', summary);
  return batch.error ? `${text} ${batch.error.message}` : text;
}

/** "Get CVs" for the candidates shown, with progress, the cost so far and Cancel. */
export const CvBatchControls = memo(function CvBatchControls({
  batch,
  count,
  onStart,
  onCancel,
}: Props) {
  const running = batch?.status === 'running';
  return (
    <div class="cv-batch small">
      {running && batch ? (
        <>
          <span>
            {t(
              'cvBatchProgress',
              formatNumber(batch.done),
              formatNumber(batch.total),
              formatNumber(batch.stored),
              formatNumber(batch.noCv),
              formatCredits(batch.credits),
            )}
            {batch.stopping ? ` · ${t('cvBatchStopping')}` : ''}
          </span>
          <button type="button" onClick={onCancel} disabled={batch.stopping}>
            {t('cvBatchCancel')}
          </button>
        </>
      ) : (
        <>
          <button type="button" onClick={onStart} disabled={count === 0}>
            {t('cvBatchStart', formatNumber(count))}
          </button>
          {batch && <span role="status">{outcome(batch)}</span>}
        </>
      )}
    </div>
  );
});
