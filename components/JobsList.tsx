import type { JobRecord } from '@/utils/db/types';
import { formatCandidates, formatCredits, formatDateTime } from '@/utils/format';

/** Every job cached before, to review any of them, also offline. */
export function JobsList({ jobs, onOpen }: { jobs: JobRecord[]; onOpen: (jobId: string) => void }) {
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
      {jobs.map((job) => (
        <li key={job.jobId}>
          <button type="button" class="job-button" onClick={() => onOpen(job.jobId)}>
            <span class="row-name">{job.title || 'Untitled job'}</span>
            <span class="row-sub">
              Job <span class="job-id">{job.jobId}</span> · {formatCandidates(job.cachedCount)}
            </span>
            <span class="row-sub muted">
              {job.lastPulledAt ? `Pulled ${formatDateTime(job.lastPulledAt)}` : 'Not pulled yet'}
              {job.creditsSpent > 0 ? ` · ${formatCredits(job.creditsSpent)} spent` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
