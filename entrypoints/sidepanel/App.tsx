import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { JobsList } from '@/components/JobsList';
import { JobView } from '@/components/JobView';
import { listJobs } from '@/utils/db/jobs';
import { getPanelDb } from '@/utils/db/open';
import type { JobRecord } from '@/utils/db/types';
import type { CurrentJob } from '@/utils/messages';
import { formatCredits } from '@/utils/format';
import { onBroadcast, pageApi } from '@/utils/page-api';
import { creditsSpentItem } from '@/utils/settings';

/** `sidepanel.html?jobId=<digits>` opens that job whatever the tabs show. */
function deepLinkedJob(): string | null {
  const id = new URLSearchParams(location.search).get('jobId');
  return id && /^[1-9][0-9]{5,11}$/.test(id) ? id : null;
}

export function App() {
  const [deepLink] = useState(deepLinkedJob);
  const [current, setCurrent] = useState<CurrentJob | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [jobs, setJobs] = useState<JobRecord[]>([]);
  const [credits, setCredits] = useState<number | null>(null);
  const [spent, setSpent] = useState(0);

  const refreshCredits = useCallback(() => {
    // Free, and the only call opening the panel makes.
    pageApi
      .credits()
      .then((r) => setCredits(r.ok ? r.value : null))
      .catch(() => setCredits(null));
  }, []);

  useEffect(() => {
    let windowId: number | undefined;
    const refresh = async () => {
      if (windowId === undefined) windowId = (await browser.windows.getCurrent()).id;
      if (windowId !== undefined) setCurrent(await pageApi.currentJob(windowId));
    };
    const refreshJobs = () => {
      void getPanelDb().then(listJobs).then(setJobs);
      void creditsSpentItem.getValue().then(setSpent);
    };
    void refresh();
    refreshJobs();
    refreshCredits();
    return onBroadcast((message) => {
      if (message.type === 'current-job-changed' && message.windowId === windowId) void refresh();
      if (message.type === 'data-changed') refreshJobs();
    });
  }, [refreshCredits]);

  const detected = current?.jobId ?? null;
  const jobId = deepLink ?? detected ?? picked;
  const known = jobs.find((j) => j.jobId === jobId);
  const title = (jobId === detected ? current?.title : null) || known?.title || null;

  return (
    <div class="panel">
      <header class="panel-header">
        {jobId ? (
          <>
            <h1>
              Job <span class="job-id">{jobId}</span>
            </h1>
            {title && <p class="job-title">{title}</p>}
            {!deepLink && !detected && (
              <button type="button" class="link" onClick={() => setPicked(null)}>
                ← All cached jobs
              </button>
            )}
          </>
        ) : (
          <h1>No job selected</h1>
        )}
      </header>
      <main>
        {jobId ? (
          <JobView key={jobId} jobId={jobId} credits={credits} onCreditsChanged={refreshCredits} />
        ) : (
          <>
            <p class="muted small">
              Open one of your jobs on LinkedIn to pull its applicants, or review a job cached
              before.
              {credits !== null && ` Balance: ${formatCredits(credits)}.`}
              {spent > 0 && ` Spent through Applicant Panel so far: ${formatCredits(spent)}.`}
            </p>
            <JobsList jobs={jobs} onOpen={setPicked} />
          </>
        )}
      </main>
    </div>
  );
}
