import { useEffect, useState } from 'preact/hooks';
import { formatCredits, formatNumber } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { PullView } from '@/utils/messages';
import { memo } from '@/utils/panel/stable';
import { isPullActive } from '@/utils/pull/view';

interface Props {
  pull: PullView | null;
  pulledBefore: boolean;
  busy: boolean;
  onPull: () => void;
  onCancel: () => void;
  onDecide: (proceed: boolean) => void;
  onCheckNew: () => void;
}

function useCountdown(until: number | null): number | null {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? null : Math.max(0, Math.ceil((until - now) / 1000));
}

/** Pull, its progress and Cancel; the credit guard's question when a pull paused for it. */
export const PullControls = memo(function PullControls({
  pull,
  pulledBefore,
  busy,
  onPull,
  onCancel,
  onDecide,
  onCheckNew,
}: Props) {
  const active = isPullActive(pull);
  const waiting = useCountdown(pull?.status === 'running' ? pull.retryAt : null);
  if (!active || !pull) {
    return (
      <div class="actions">
        <button type="button" class="primary" onClick={onPull} disabled={busy}>
          {pulledBefore ? t('pullAgain') : t('pullStart')}
        </button>
        {pulledBefore && (
          <button type="button" onClick={onCheckNew} disabled={busy}>
            {t('checkNew')}
          </button>
        )}
      </div>
    );
  }
  const label =
    pull.status === 'queued'
      ? t('pullQueued')
      : pull.total === null
        ? t('pullFetched', formatNumber(pull.fetched))
        : t('pullFetchedOf', formatNumber(pull.fetched), formatNumber(pull.total));
  return (
    <div class="pull-progress">
      <div
        role="progressbar"
        aria-label={t('pullProgressLabel')}
        aria-valuemin={0}
        aria-valuenow={pull.fetched}
        aria-valuemax={pull.total ?? undefined}
        aria-valuetext={label}
        class="bar"
      >
        <div
          class="bar-fill"
          style={{
            width: pull.total ? `${Math.min(100, (100 * pull.fetched) / pull.total)}%` : '5%',
          }}
        />
      </div>
      <p class="small">
        {label}
        {pull.credits > 0 && ` · ${t('creditsSpent', formatCredits(pull.credits))}`}
        {pull.estimatedCost !== null &&
          pull.status === 'running' &&
          ` · ${t('pullToGo', formatCredits(pull.estimatedCost))}`}
      </p>
      {waiting !== null && (
        <p class="small" role="status">
          {t('pullRetryWait', waiting)}
        </p>
      )}
      {pull.status === 'paused' ? (
        <fieldset class="guard">
          <legend>{t('guardLegend')}</legend>
          <p>
            {t(
              'guardMessage',
              formatCredits(pull.estimatedCost ?? 0),
              formatNumber(Math.max(0, (pull.total ?? 0) - pull.fetched)),
              formatNumber(pull.fetched),
            )}
          </p>
          <button type="button" class="primary" onClick={() => onDecide(true)}>
            {t('guardContinue')}
          </button>
          <button type="button" onClick={() => onDecide(false)}>
            {t('guardStop')}
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={onCancel}>
          {t('pullCancel')}
        </button>
      )}
    </div>
  );
});
