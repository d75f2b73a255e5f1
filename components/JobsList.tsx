import type { JobRecord } from '@/utils/db/types';
import { formatCandidates, formatCredits, formatDateTime, formatNumber } from '@/utils/format';
import { t, tParts } from '@/utils/i18n';

interface Props {
  jobs: JobRecord[];
  decisions: Map<string, number>;
  onOpen: (jobId: string) => void;
  onDelete: (job: JobRecord) => void;
}

/** Every job cached before, to review any of them (also offline) or delete its data. */
export function JobsList({ jobs, decisions, onOpen, onDelete }: Props) {
  if (jobs.length === 0) {
    return <p class="muted">{t('jobsEmpty')}</p>;
  }
  return (
    <ul class="jobs" aria-label={t('jobsListLabel')}>
      {jobs.map((job) => {
        const decided = decisions.get(job.jobId) ?? 0;
        return (
          <li key={job.jobId} class="job-actions">
            <button type="button" class="job-button" onClick={() => onOpen(job.jobId)}>
              <span class="row-name">{job.title || t('jobUntitled')}</span>
              <span class="row-sub">
                {tParts('jobLabel', <span class="job-id">{job.jobId}</span>)} ·{' '}
                {formatCandidates(job.cachedCount)}
                {decided > 0 ? ` · ${t('jobsDecided', formatNumber(decided))}` : ''}
              </span>
              <span class="row-sub muted">
                {job.lastPulledAt
                  ? t('jobsPulled', formatDateTime(job.lastPulledAt))
                  : t('jobsNotPulled')}
                {job.creditsSpent > 0
                  ? ` · ${t('creditsSpent', formatCredits(job.creditsSpent))}`
                  : ''}
              </span>
            </button>
            <button
              type="button"
              class="link"
              aria-label={t('jobsDeleteLabel', job.jobId)}
              onClick={() => onDelete(job)}
            >
              {t('jobsDelete')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
