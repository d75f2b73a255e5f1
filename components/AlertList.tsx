import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { memo } from '@/utils/panel/stable';

export interface PanelAlert {
  id: string;
  message: string;
  /** The next step the message points to. */
  next?: 'options' | null;
}

/** Errors in plain words, announced; each with its next step and a way to dismiss it. */
export const AlertList = memo(function AlertList({
  alerts,
  onDismiss,
}: {
  alerts: PanelAlert[];
  onDismiss: (id: string) => void;
}) {
  // Rendered only with content: an alert region that appears is announced at once.
  if (alerts.length === 0) return null;
  return (
    <div role="alert" class="alerts">
      {alerts.map((a) => (
        <div key={a.id} class="alert">
          <span>{a.message}</span>
          {a.next === 'options' && (
            <button
              type="button"
              class="link"
              onClick={() => void browser.runtime.openOptionsPage()}
            >
              {t('alertOpenOptions')}
            </button>
          )}
          <button
            type="button"
            class="link"
            onClick={() => onDismiss(a.id)}
            aria-label={t('alertDismiss')}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
});
