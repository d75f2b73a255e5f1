import type { JobRecord } from '@/utils/db/types';
import { formatCandidates, formatCredits, formatDateTime, formatNumber } from '@/utils/format';

interface Props {
  jobs: JobRecord[];
  decisions: Map<string, number>;
  onOpen: (jobId: string) => void;
  onDelete: (job: JobRecord) => void;
}

/** Every job cached before, to review any of them (also offline) or delete its data. */
export function JobsList({ jobs, decisions, onOpen, onDelete }: Props) {
  if (jobs.length === 0) {
    return (
      <p class="muted">
        No job cached yet. Open one of your jobs on LinkedIn (its applicants page or the job itself)
        and pull its candidates.
      </p>
    );
  }
  return (
    <ul class="jobs" aria-label="Cached jobs">
      {jobs.map((job) => {
        const decided = decisions.get(job.jobId) ?? 0;
        return (
          <li key={job.jobId} class="job-actions">
            <button type="button" class="job-button" onClick={() => onOpen(job.jobId)}>
              <span class="row-name">{job.title || 'Untitled job'}</span>
              <span class="row-sub">
                Job <span class="job-id">{job.jobId}</span> · {formatCandidates(job.cachedCount)}
                {decided > 0 ? ` · ${formatNumber(decided)} decided` : ''}
              </span>
              <span class="row-sub muted">
                {job.lastPulledAt ? `Pulled ${formatDateTime(job.lastPulledAt)}` : 'Not pulled yet'}
                {job.creditsSpent > 0 ? ` · ${formatCredits(job.creditsSpent)} spent` : ''}
              </span>
            </button>
            <button
              type="button"
              class="link"
              aria-label={`Delete the data of job ${job.jobId}`}
              onClick={() => onDelete(job)}
            >
              Delete
            </button>
          </li>
        );
      })}
    </ul>
  );
}
