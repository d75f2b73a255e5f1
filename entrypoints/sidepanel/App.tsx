import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { JobsList } from '@/components/JobsList';
import { JobView } from '@/components/JobView';
import { deleteJob, listJobs } from '@/utils/db/jobs';
import { getPanelDb } from '@/utils/db/open';
import type { JobRecord } from '@/utils/db/types';
import { formatCredits } from '@/utils/format';
import { t, tParts } from '@/utils/i18n';
import type { CurrentJob } from '@/utils/messages';
import { onBroadcast, pageApi } from '@/utils/page-api';
import { decisionsByJob } from '@/utils/review/job-stats';
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
  const [decisions, setDecisions] = useState<Map<string, number>>(new Map());
  const [refreshTick, setRefreshTick] = useState(0);

  const refreshCredits = useCallback(() => {
    // Free, and the only call opening the panel makes.
    pageApi
      .credits()
      .then((r) => setCredits(r.ok ? r.value : null))
      .catch(() => setCredits(null));
  }, []);

  // A layout effect: the question which job is current should not wait for the first frame.
  useLayoutEffect(() => {
    let windowId: number | undefined;
    const refresh = async () => {
      if (windowId === undefined) windowId = (await browser.windows.getCurrent()).id;
      if (windowId !== undefined) setCurrent(await pageApi.currentJob(windowId));
    };
    void refresh();
    refreshCredits();
    return onBroadcast((message) => {
      if (message.type === 'current-job-changed' && message.windowId === windowId) void refresh();
      if (message.type === 'data-changed') setRefreshTick((n) => n + 1);
    });
  }, [refreshCredits]);

  // The jobs list: read again whenever data changed or the panel goes back to it.
  useEffect(() => {
    void getPanelDb().then(async (db) => {
      const [list, decided] = await Promise.all([listJobs(db), decisionsByJob(db)]);
      setJobs(list);
      setDecisions(decided);
    });
    void creditsSpentItem.getValue().then(setSpent);
  }, [refreshTick, picked]);

  async function removeJob(job: JobRecord) {
    const name = job.title || t('panelJobLowercase', job.jobId);
    if (!confirm(t('panelDeleteJobConfirm', name, job.cachedCount))) return;
    await deleteJob(await getPanelDb(), job.jobId);
    setRefreshTick((n) => n + 1);
  }

  const detected = current?.jobId ?? null;
  const jobId = deepLink ?? detected ?? picked;
  const known = jobs.find((j) => j.jobId === jobId);
  const title = (jobId === detected ? current?.title : null) || known?.title || null;

  return (
    <div class="panel">
      <header class="panel-header">
        {jobId ? (
          <>
            <h1>{tParts('jobLabel', <span class="job-id">{jobId}</span>)}</h1>
            {title && <p class="job-title">{title}</p>}
            {!deepLink && !detected && (
              <button type="button" class="link" onClick={() => setPicked(null)}>
                ← {t('panelAllJobs')}
              </button>
            )}
          </>
        ) : (
          <h1>{t('panelNoJob')}</h1>
        )}
      </header>
      <main>
        {jobId ? (
          <JobView key={jobId} jobId={jobId} credits={credits} onCreditsChanged={refreshCredits} />
        ) : (
          <>
            <p class="muted small">
              {t('panelIntro')}
              {credits !== null && ` ${t('panelBalance', formatCredits(credits))}`}
              {spent > 0 && ` ${t('panelSpentSoFar', formatCredits(spent))}`}
            </p>
            <JobsList
              jobs={jobs}
              decisions={decisions}
              onOpen={setPicked}
              onDelete={(job) => void removeJob(job)}
            />
          </>
        )}
      </main>
    </div>
  );
}
