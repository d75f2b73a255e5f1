import { t } from './i18n';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatNumber(n: number): string {
  return whole.format(n);
}

/** "1 candidate", "2,500 candidates" (the contract accepts the separator). */
export function formatCandidates(n: number): string {
  return t(n === 1 ? 'candidatesOne' : 'candidatesOther', formatNumber(n));
}

export function formatCredits(n: number): string {
  return t(n === 1 ? 'creditsOne' : 'creditsOther', formatNumber(n));
}

/** "512 B", "48 kB" (or "48.3 kB" with one kilobyte digit), "1.2 MB". */
export function formatSize(bytes: number, kilobyteDigits: 0 | 1 = 0): string {
  if (bytes < 1024) return t('sizeBytes', bytes);
  if (bytes < 1024 * 1024) return t('sizeKilobytes', (bytes / 1024).toFixed(kilobyteDigits));
  return t('sizeMegabytes', (bytes / 1024 / 1024).toFixed(1));
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(ms: number): string {
  return dateTime.format(new Date(ms));
}
