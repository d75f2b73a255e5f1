import type { ApiCandidate } from '../linkup/types';
import { readCandidates } from './candidates';
import { nextSeq, readJobChunks, rewriteJobChunks } from './chunks';
import { newJobRecord } from './jobs';
import type { PanelDb } from './schema';
import { issue, runInTransaction } from './transaction';
import type { CandidateRecord, JobRecord, PullRecord } from './types';

export interface WritePageInput {
  jobId: string;
  /** The pull's state after this page, stored in the same transaction as the page. */
  pull: PullRecord;
  candidates: ApiCandidate[];
  /** Offset the page was asked for: candidate i gets rank offset + i. */
  offset: number;
  totalAvailable: number | null;
  creditsConsumed: number;
  now: number;
  /**
   * When each applicant of the job already stored was first seen, by application ID: a pull
   * reads it once (`readKnown`) and passes it with every page, so a page is written without
   * reading the job. Brought up to date once the page is stored. Without it, the job is read.
   */
  known?: KnownApplicants;
}

/** First-seen times of a job's stored applicants, by application ID. */
export type KnownApplicants = Map<string, number>;

/** What a pull needs to know of the job before its first page: see WritePageInput.known. */
export async function readKnown(db: PanelDb, jobId: string): Promise<KnownApplicants> {
  return knownOf((await readCandidates(db, jobId)).candidates);
}

function knownOf(candidates: readonly CandidateRecord[]): KnownApplicants {
  return new Map(candidates.map((c) => [c.applicationId, c.firstSeenAt]));
}

/**
 * Stores one page of a pull in a single transaction: the candidates as one chunk (a later
 * version of an applicant replaces the earlier one, keeping when it was first seen), the
 * job's count of distinct applicants, totals and credits, and the pull's progress. A failure
 * anywhere leaves none of it, so the cache only ever holds whole pages and a resumed pull
 * restarts at the first page not stored.
 */
export async function writePage(db: PanelDb, input: WritePageInput): Promise<JobRecord> {
  const { jobId, pull, candidates, offset, totalAvailable, creditsConsumed, now } = input;
  if (pull.jobId !== jobId) {
    throw new Error(`Pull of job ${pull.jobId} cannot write a page of job ${jobId}`);
  }
  // Inside a chunk, IDs are no longer keys that the store checks: check them here, as it did.
  const keyless = candidates.findIndex(
    (c) => typeof c.applicationId !== 'string' || c.applicationId === '',
  );
  if (keyless >= 0) {
    throw new DOMException(`Candidate ${keyless} of the page has no application ID`, 'DataError');
  }
  const tx = db.transaction(['jobs', 'candidateChunks', 'pulls'], 'readwrite');
  const added: KnownApplicants = new Map();
  let fresh = null as KnownApplicants | null;
  const job = await runInTransaction(tx, async () => {
    const chunks = tx.objectStore('candidateChunks');
    const jobs = tx.objectStore('jobs');
    const [stored, seq] = await Promise.all([
      issue(() => jobs.get(jobId)),
      issue(() => nextSeq(chunks, jobId)),
    ]);
    // What the pull knows is stale when another writer changed the job meanwhile (a backup
    // imported, the job deleted): its count no longer matches the job's. Read it afresh then.
    if (!input.known || input.known.size !== (stored?.cachedCount ?? 0)) {
      fresh = knownOf((await readJobChunks(chunks, jobId)).candidates);
    }
    const known = fresh ?? (input.known as KnownApplicants);
    const records = candidates.map((candidate, index): CandidateRecord => {
      const id = candidate.applicationId;
      let firstSeenAt = known.get(id) ?? added.get(id);
      if (firstSeenAt === undefined) {
        firstSeenAt = now;
        added.set(id, now);
      }
      return {
        ...candidate,
        jobId,
        rank: offset + index,
        firstSeenAt,
        lastSeenAt: now,
        lastPullId: pull.pullId,
        noLongerListed: false,
      };
    });
    const base = stored ?? newJobRecord(jobId, now);
    const updated: JobRecord = {
      ...base,
      cachedCount: known.size + added.size,
      totalAvailable: totalAvailable ?? base.totalAvailable,
      lastPulledAt: now,
      creditsSpent: base.creditsSpent + creditsConsumed,
    };
    await Promise.all([
      records.length > 0
        ? issue(() => chunks.put({ jobId, seq, candidates: records }))
        : Promise.resolve(),
      issue(() => jobs.put(updated)),
      issue(() => tx.objectStore('pulls').put(pull)),
    ]);
    return updated;
  });
  if (input.known) {
    if (fresh) {
      input.known.clear();
      for (const [id, at] of fresh) input.known.set(id, at);
    }
    for (const [id, at] of added) input.known.set(id, at);
  }
  return job;
}

/**
 * Stores the pull's final state, then tidies the job's chunks. A complete pull (every page
 * fetched) also marks the job's candidates it did not return as no longer listed and records
 * when the job was last complete. The job is rewritten as chunks in LinkedIn's order when
 * versions were superseded, marks changed or the chunks are out of order, and its count is
 * set from what is stored. The state is committed first, on its own: a tidy that fails (a
 * full disk) must not leave a cancelled pull marked running, to be resumed at the next start.
 * Returns how many of the job's candidates that pull did not list.
 */
export async function finishPull(
  db: PanelDb,
  input: { pull: PullRecord; complete: boolean; now: number },
): Promise<{ noLongerListed: number }> {
  const { pull, complete, now } = input;
  const stateTx = db.transaction(['jobs', 'pulls'], 'readwrite');
  await runInTransaction(stateTx, async () => {
    const jobs = stateTx.objectStore('jobs');
    const [, stored] = await Promise.all([
      issue(() => stateTx.objectStore('pulls').put(pull)),
      issue(() => jobs.get(pull.jobId)),
    ]);
    if (complete && stored) await jobs.put({ ...stored, lastCompletePullAt: now });
  });

  const tx = db.transaction(['jobs', 'candidateChunks'], 'readwrite');
  return runInTransaction(tx, async () => {
    const chunks = tx.objectStore('candidateChunks');
    const jobs = tx.objectStore('jobs');
    const [folded, stored] = await Promise.all([
      issue(() => readJobChunks(chunks, pull.jobId)),
      issue(() => jobs.get(pull.jobId)),
    ]);
    let noLongerListed = 0;
    let marked = 0;
    let candidates = folded.candidates;
    if (complete) {
      candidates = candidates.map((c) => {
        if (c.lastPullId === pull.pullId) return c;
        noLongerListed++;
        if (c.noLongerListed) return c;
        marked++;
        return { ...c, noLongerListed: true };
      });
    }
    if (marked > 0 || folded.versions > candidates.length || !folded.ordered) {
      await rewriteJobChunks(chunks, pull.jobId, candidates);
    }
    // A pull that stopped before storing anything of a job not known yet leaves no empty job.
    if (stored || candidates.length > 0 || complete) {
      const job = stored ?? {
        ...newJobRecord(pull.jobId, now),
        ...(complete ? { lastCompletePullAt: now } : {}),
      };
      await jobs.put({ ...job, cachedCount: candidates.length });
    }
    return { noLongerListed };
  });
}

/** Adds credits a request spent without storing candidates (e.g. a check for new applicants). */
export async function recordCredits(
  db: PanelDb,
  jobId: string,
  credits: number,
  now: number = Date.now(),
): Promise<JobRecord> {
  const tx = db.transaction(['jobs', 'candidateChunks'], 'readwrite');
  return runInTransaction(tx, async () => {
    const jobs = tx.objectStore('jobs');
    const existing = await jobs.get(jobId);
    // A job created here still counts what is stored, so cachedCount stays true.
    const job = existing ?? {
      ...newJobRecord(jobId, now),
      cachedCount: (await readJobChunks(tx.objectStore('candidateChunks'), jobId)).candidates
        .length,
    };
    const updated: JobRecord = { ...job, creditsSpent: job.creditsSpent + credits };
    await jobs.put(updated);
    return updated;
  });
}
