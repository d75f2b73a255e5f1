import { browser } from 'wxt/browser';
import type { JobRecord } from '../db/types';
import { t } from '../i18n';

/** Badge text fits four characters: 2500 -> "2.5k", 12000 -> "12k". */
export function badgeText(
  job: Pick<JobRecord, 'cachedCount' | 'lastPulledAt'> | undefined,
  detected: boolean,
) {
  if (!detected) return '';
  if (!job || job.lastPulledAt === null) return '•';
  const n = job.cachedCount;
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toString()}k`;
  return `${Math.floor(n / 1000)}k`;
}

export function badgeTitle(
  job: Pick<JobRecord, 'cachedCount' | 'lastPulledAt' | 'jobId'> | undefined,
  detected: boolean,
) {
  if (!detected || !job) return detected ? t('badgeDetected') : t('extName');
  if (job.lastPulledAt === null) return t('badgeNotPulled', job.jobId);
  const when = new Date(job.lastPulledAt).toLocaleString();
  return t('badgePulled', job.cachedCount, job.jobId, when);
}

// Firefox MV2 has browserAction where Chrome MV3 has action.
const action = () => browser.action ?? browser.browserAction;

export async function setTabBadge(tabId: number, job: JobRecord | undefined, detected: boolean) {
  try {
    await action().setBadgeText({ tabId, text: badgeText(job, detected) });
    await action().setTitle({ tabId, title: badgeTitle(job, detected) });
  } catch {
    // The tab closed between the lookup and the update: nothing to label.
  }
}
