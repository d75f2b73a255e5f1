/**
 * The candidate chunk layout (store `candidateChunks`, key [jobId, seq]): how a job's chunks
 * read as one list, and how a job is written back as tidy chunks.
 *
 * A pull appends one chunk per page without reading what is stored (a re-pull's fresh
 * versions sit after the old ones); readers fold the chunks in seq order, the latest version
 * of each applicant winning; a pull that ends rewrites the job in LinkedIn's order, so the
 * first chunk holds the first rows and superseded versions do not pile up.
 */
import type { IDBPObjectStore } from 'idb';
import { jobKeyRange } from './keys';
import type { PanelSchema, PanelStoreName } from './schema';
import { issue } from './transaction';
import type { CandidateChunk, CandidateRecord } from './types';

/** Candidates per chunk when a job is rewritten: a pull's page size, one read for first rows. */
export const CHUNK_SIZE = 100;

type ChunkStore<Mode extends IDBTransactionMode> = IDBPObjectStore<
  PanelSchema,
  ArrayLike<PanelStoreName>,
  'candidateChunks',
  Mode
>;

/** LinkedIn's order; applicants sharing a rank (the list moved during a re-pull) by ID. */
export function byRank(a: CandidateRecord, b: CandidateRecord): number {
  return (
    a.rank - b.rank ||
    (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0)
  );
}

export interface Folded {
  /** The latest version of every applicant, in LinkedIn's order. */
  candidates: CandidateRecord[];
  /** Versions stored in all: more than candidates.length when some are superseded. */
  versions: number;
  /** The highest seq read, or -1 for none. */
  lastSeq: number;
  /**
   * Ranks never go down from one stored version to the next in seq order: the first chunks
   * hold the first rows (what the panel paints before reading the whole job).
   */
  ordered: boolean;
}

/** Chunks in seq order as one list: each applicant's latest version, sorted by rank. */
export function foldChunks(chunks: readonly CandidateChunk[]): Folded {
  const latest = new Map<string, CandidateRecord>();
  let versions = 0;
  let lastSeq = -1;
  let ordered = true;
  let lastRank = Number.NEGATIVE_INFINITY;
  for (const chunk of chunks) {
    versions += chunk.candidates.length;
    if (chunk.seq > lastSeq) lastSeq = chunk.seq;
    for (const c of chunk.candidates) {
      latest.set(c.applicationId, c);
      if (c.rank < lastRank) ordered = false;
      lastRank = c.rank;
    }
  }
  const candidates = [...latest.values()];
  // Mostly sorted already (pages are written in order): the sort is close to linear then.
  candidates.sort(byRank);
  return { candidates, versions, lastSeq, ordered };
}

/** Every chunk of the job, folded. */
export async function readJobChunks(
  store: ChunkStore<IDBTransactionMode>,
  jobId: string,
): Promise<Folded> {
  return foldChunks(await store.getAll(jobKeyRange(jobId)));
}

/** The seq the job's next chunk gets. */
export async function nextSeq(store: ChunkStore<'readwrite'>, jobId: string): Promise<number> {
  const cursor = await store.openKeyCursor(jobKeyRange(jobId), 'prev');
  return cursor ? (cursor.key[1] as number) + 1 : 0;
}

/**
 * Replaces every chunk of the job with `candidates` (already in the order to keep), cut into
 * chunks of CHUNK_SIZE. Seqs go on from the last one, never back: a panel that read up to
 * seq N reads the rewritten job as chunks after N. Inside the caller's transaction: all or
 * nothing with it.
 */
export async function rewriteJobChunks(
  store: ChunkStore<'readwrite'>,
  jobId: string,
  candidates: readonly CandidateRecord[],
): Promise<void> {
  const first = await nextSeq(store, jobId);
  const writes: Promise<unknown>[] = [issue(() => store.delete(jobKeyRange(jobId)))];
  for (let i = 0; i * CHUNK_SIZE < candidates.length; i++) {
    const slice = candidates.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    writes.push(issue(() => store.put({ jobId, seq: first + i, candidates: slice })));
  }
  await Promise.all(writes);
}
