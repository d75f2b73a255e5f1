import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getCandidatesAfterChunk, getFirstCandidates, readCandidates } from '../db/candidates';
import { getJob } from '../db/jobs';
import { getPanelDb } from '../db/open';
import { getPull } from '../db/pulls';
import type { CandidateRecord, JobRecord } from '../db/types';
import type { PullView } from '../messages';
import { onBroadcast } from '../page-api';
import { isPullActive, pullViewOf } from '../pull/view';
import { searchTextOf } from '../search';

/** Rows painted from a cursor before the whole job is read. */
const FIRST_ROWS = 30;
/** During a pull every page changes the data; reading 10,000 rows per page would be waste. */
const RELOAD_EVERY_MS = 1000;

export interface JobData {
  job: JobRecord | undefined;
  candidates: CandidateRecord[];
  /** Search texts, index-aligned with candidates. */
  texts: string[];
  loaded: boolean;
  /** The job record has been read once: counts can be shown (never a "0" that is not true). */
  ready: boolean;
  pull: PullView | null;
  setPull: (pull: PullView | null | ((current: PullView | null) => PullView | null)) => void;
  reload: () => void;
}

/** One job's cached data, read straight from IndexedDB and kept fresh by the background. */
export function useJob(jobId: string): JobData {
  const [job, setJob] = useState<JobRecord | undefined>(undefined);
  const [rows, setRows] = useState<{ candidates: CandidateRecord[]; texts: string[] }>({
    candidates: [],
    texts: [],
  });
  const [loaded, setLoaded] = useState(false);
  const [ready, setReady] = useState(false);
  const [pull, setPull] = useState<PullView | null>(null);
  const generation = useRef(0);
  const lastReload = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Whether the job had rows when the running pull started (then it is a re-pull). */
  const hadRowsBeforePull = useRef(false);

  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const pullRef = useRef(pull);
  pullRef.current = pull;
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  /** The last chunk read in full: a tail read starts after it. */
  const lastSeq = useRef(-1);

  const load = useCallback(
    async (mode: 'first' | 'full' | 'tail') => {
      const mine = ++generation.current;
      const db = await getPanelDb();
      if (mode === 'first') {
        const [j, head] = await Promise.all([
          getJob(db, jobId),
          getFirstCandidates(db, jobId, FIRST_ROWS),
        ]);
        if (mine !== generation.current) return;
        setJob(j);
        setRows({ candidates: head, texts: head.map(searchTextOf) });
        setReady(true);
        // Read the rest once the first rows are on screen: its seconds of work on a big job
        // must not delay that paint.
        await afterPaint();
        if (mine !== generation.current) return;
      }
      if (mode === 'tail') {
        // A running pull appends pages: read only the chunks written since the last read,
        // without locking the whole job against the pull's next write.
        const [j, tail] = await Promise.all([
          getJob(db, jobId),
          getCandidatesAfterChunk(db, jobId, lastSeq.current),
        ]);
        if (mine !== generation.current) return;
        const current = rowsRef.current;
        const added = tail.candidates;
        lastSeq.current = tail.lastSeq;
        setJob(j);
        // An applicant can move to a later page while LinkedIn's list shifts: never list twice.
        const shown = new Set(current.candidates.map((c) => c.applicationId));
        const fresh = added.filter((c) => !shown.has(c.applicationId));
        if (fresh.length > 0) {
          setRows({
            candidates: [...current.candidates, ...fresh],
            texts: [...current.texts, ...fresh.map(searchTextOf)],
          });
        }
        lastReload.current = Date.now();
        return;
      }
      const [j, { candidates: all, lastSeq: seq }] = await Promise.all([
        getJob(db, jobId),
        readCandidates(db, jobId),
      ]);
      if (mine !== generation.current) return;
      lastSeq.current = seq;
      setJob(j);
      setRows({ candidates: all, texts: all.map(searchTextOf) });
      // Also here: a reload that interrupted the first read must still end the loading state.
      setReady(true);
      setLoaded(true);
      lastReload.current = Date.now();
    },
    [jobId],
  );

  const reload = useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, lastReload.current + RELOAD_EVERY_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      const running = pullRef.current?.status === 'running';
      // A first pull only appends, so only the tail is read (once the whole job was read);
      // a re-pull also updates rows in place, so it reads in full.
      const tail = running && loadedRef.current && !hadRowsBeforePull.current;
      void load(tail ? 'tail' : 'full');
    }, wait);
  }, [load]);

  // A layout effect: a plain effect waits for the next frame, and the first rows need not.
  useLayoutEffect(() => {
    setLoaded(false);
    setReady(false);
    setPull(null);
    setRows({ candidates: [], texts: [] });
    void load('first');
    void getPanelDb()
      .then((db) => getPull(db, jobId))
      .then((stored) => {
        // A pull that stopped with the worker shows as running until the worker resumes it.
        if (
          stored &&
          (stored.status === 'running' || stored.status === 'paused' || stored.status === 'failed')
        ) {
          setPull((current) => current ?? pullViewOf(stored));
        }
      });
    const off = onBroadcast((message) => {
      if (message.type === 'pull-progress' && message.pull.jobId === jobId) {
        if (
          message.pull.status === 'queued' ||
          (message.pull.status === 'running' && pullRef.current?.status !== 'running')
        ) {
          hadRowsBeforePull.current =
            rowsRef.current.candidates.length > 0 && message.pull.fetched === 0;
        }
        // At once, not at the next render: a reload decided before then must see it.
        pullRef.current = message.pull;
        setPull(message.pull);
        // A pull that ends may have rewritten the job (marks, LinkedIn's order): read it in
        // full, whatever the tail reads during the pull saw.
        if (!isPullActive(message.pull)) reload();
      }
      if (message.type === 'data-changed' && (message.jobId === jobId || message.jobId === null))
        reload();
    });
    return () => {
      off();
      generation.current++;
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [jobId, load, reload]);

  return {
    job,
    candidates: rows.candidates,
    texts: rows.texts,
    loaded,
    ready,
    pull,
    setPull,
    reload,
  };
}

/** Resolves after the next frame has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
