import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatCandidates, formatCredits, formatDateTime, formatNumber } from '@/utils/format';
import { pageApi } from '@/utils/page-api';
import { useJob } from '@/utils/panel/use-job';
import { searchCandidates } from '@/utils/search';
import { AlertList, type PanelAlert } from './AlertList';
import { CandidateDetail } from './CandidateDetail';
import { CandidateRow } from './CandidateRow';
import { isPullActive, PullControls } from './PullControls';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 76;
const OPTIONS_KINDS = new Set(['invalid-key', 'invalid-account', 'no-settings']);

function alertFor(id: string, error: { kind: string; message: string }): PanelAlert {
  return { id, message: error.message, next: OPTIONS_KINDS.has(error.kind) ? 'options' : null };
}

interface Props {
  jobId: string;
  credits: number | null;
  onCreditsChanged: () => void;
}

/** One job: its pull controls, its cached candidates, search and the detail of one. */
export function JobView({ jobId, credits, onCreditsChanged }: Props) {
  const data = useJob(jobId);
  const { job, candidates, texts, loaded, pull } = data;
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [alerts, setAlerts] = useState<PanelAlert[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);

  // A pull that ends with an error or skipped records says so once, in plain words.
  useEffect(() => {
    if (!pull) return;
    const next: PanelAlert[] = [];
    if (pull.error && (pull.status === 'failed' || pull.status === 'done')) {
      next.push(alertFor(`pull-${pull.updatedAt}`, pull.error));
    }
    if (pull.skipped > 0 && !isPullActive(pull)) {
      next.push({
        id: `skipped-${pull.updatedAt}`,
        message: `${formatNumber(pull.skipped)} candidate ${pull.skipped === 1 ? 'record' : 'records'} could not be read and ${pull.skipped === 1 ? 'was' : 'were'} skipped.`,
      });
    }
    if (pull.status === 'done' || pull.status === 'failed' || pull.status === 'cancelled')
      onCreditsChanged();
    setAlerts(next);
  }, [pull?.status, pull?.updatedAt]);

  const visible = useMemo(
    () => searchCandidates(candidates, texts, query),
    [candidates, texts, query],
  );
  const index = selected === null ? -1 : visible.findIndex((c) => c.applicationId === selected);
  const current = index >= 0 ? visible[index] : undefined;

  async function startPull() {
    setBusy(true);
    setAlerts([]);
    setNotice(null);
    try {
      const result = await pageApi.pull(jobId);
      if (!result.ok) setAlerts([alertFor('pull', result.error)]);
      else data.setPull(result.value);
    } catch {
      setAlerts([
        {
          id: 'bg',
          message: 'The extension’s background did not answer. Reload the panel and try again.',
        },
      ]);
    } finally {
      setBusy(false);
    }
  }

  async function checkNew() {
    setBusy(true);
    setNotice(null);
    const result = await pageApi.checkNew(jobId);
    setBusy(false);
    if (!result.ok) {
      setAlerts([alertFor('check', result.error)]);
      return;
    }
    const { newCount, totalAvailable, credits: spent } = result.value;
    setNotice(
      `${newCount === 0 ? 'No new applicants' : `${formatNumber(newCount)} new ${newCount === 1 ? 'applicant' : 'applicants'}`}` +
        `${totalAvailable === null ? '' : ` (${formatNumber(totalAvailable)} in all)`}` +
        ` · ${formatCredits(spent)} spent on the check.`,
    );
    onCreditsChanged();
  }

  const pulledBefore = !!job?.lastPulledAt;
  const count = loaded ? candidates.length : (job?.cachedCount ?? candidates.length);

  return (
    <>
      <section class="job-summary" aria-label="Job">
        <p class="count">
          <strong>{formatCandidates(count)}</strong>
          {job?.totalAvailable != null && job.totalAvailable !== count && (
            <span class="muted"> of {formatNumber(job.totalAvailable)} applicants</span>
          )}
        </p>
        <p class="muted small">
          {job?.lastPulledAt
            ? `${online ? 'From the cache' : 'Offline: from the cache'}, pulled ${formatDateTime(job.lastPulledAt)}`
            : 'Not pulled yet: pulling costs 1 credit per 10 applicants.'}
          {job && job.creditsSpent > 0
            ? ` · ${formatCredits(job.creditsSpent)} spent on this job`
            : ''}
        </p>
        {credits !== null && <p class="small">Balance: {formatCredits(credits)}</p>}
        <PullControls
          pull={pull}
          pulledBefore={pulledBefore}
          busy={busy}
          onPull={() => void startPull()}
          onCancel={() => void pageApi.cancelPull(jobId)}
          onDecide={(proceed) => void pageApi.decide(jobId, proceed)}
          onCheckNew={() => void checkNew()}
        />
        {notice && (
          <p role="status" class="small">
            {notice}
          </p>
        )}
      </section>
      <AlertList
        alerts={alerts}
        onDismiss={(id) => setAlerts((a) => a.filter((x) => x.id !== id))}
      />
      {current ? (
        <CandidateDetail
          candidate={current}
          position={`${index + 1} of ${visible.length}`}
          onBack={() => setSelected(null)}
          onPrevious={
            index > 0 ? () => setSelected(visible[index - 1]?.applicationId ?? null) : undefined
          }
          onNext={
            index < visible.length - 1
              ? () => setSelected(visible[index + 1]?.applicationId ?? null)
              : undefined
          }
        />
      ) : (
        <section class="list-section" aria-label="Candidates of this job">
          <input
            type="search"
            class="search"
            aria-label="Search candidates"
            placeholder="Search name, headline, location, company…"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {query && (
            <p class="small muted" aria-live="polite">
              {formatNumber(visible.length)} matching
            </p>
          )}
          <VirtualList
            count={visible.length}
            rowHeight={ROW_HEIGHT}
            label="Candidates"
            rowKey={(i) => visible[i]?.applicationId ?? String(i)}
            renderRow={(i) => {
              const c = visible[i];
              return c ? (
                <CandidateRow
                  candidate={c}
                  active={false}
                  onOpen={() => setSelected(c.applicationId)}
                />
              ) : null;
            }}
          />
        </section>
      )}
    </>
  );
}
