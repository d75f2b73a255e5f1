import type { CvKind } from '../cv/sniff';
import type { ApiCandidate } from '../linkup/types';

export interface JobRecord {
  jobId: string;
  title: string | null;
  /** `total_available_results` from the latest page that reported it. */
  totalAvailable: number | null;
  /** Always equal to the number of distinct applicants of this job in the store. */
  cachedCount: number;
  lastPulledAt: number | null;
  /** When a pull last went through every page. */
  lastCompletePullAt: number | null;
  creditsSpent: number;
  createdAt: number;
  /**
   * Start of the latest pull that found the job already cached: candidates first seen at or
   * after it are "new since the previous pull". Missing (or null) before any re-pull.
   */
  newSince?: number | null;
}

export interface CandidateRecord extends ApiCandidate {
  jobId: string;
  /** Position in LinkedIn's order (offset + index in page) at the latest pull. */
  rank: number;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Pull that last returned this candidate; a complete pull marks the rest no longer listed. */
  lastPullId: string;
  /** Set when a later complete pull no longer returned this candidate. */
  noLongerListed: boolean;
}

/**
 * Consecutive candidates of one job stored as one record: a page of a pull, or a slice of the
 * job rewritten in LinkedIn's order once a pull ends.
 */
export interface CandidateChunk {
  jobId: string;
  /** Order of writing within the job: a later chunk's version of an applicant wins. */
  seq: number;
  candidates: CandidateRecord[];
}

export type PullStatus = 'running' | 'paused' | 'done' | 'failed' | 'cancelled';

export interface PullRecord {
  jobId: string;
  pullId: string;
  status: PullStatus;
  /** Offset of the next page to ask for; pages before it are stored. */
  nextOffset: number;
  pageSize: number;
  total: number | null;
  fetched: number;
  skipped: number;
  credits: number;
  startedAt: number;
  updatedAt: number;
  error: { kind: string; message: string } | null;
}

export type Decision = 'shortlist' | 'maybe' | 'reject';

export interface ReviewRecord {
  applicationId: string;
  jobId: string;
  decision: Decision | null;
  notes: string;
  tags: string[];
  seenAt: number | null;
  updatedAt: number;
}

/**
 * A stored CV, fetched once and never paid for twice. The file is kept as an ArrayBuffer, not
 * a Blob: every browser's IndexedDB stores ArrayBuffers (Blobs fail in some private modes and
 * in the test fake); `cvBlob` (db/cvs.ts) makes the Blob to show or download.
 */
export interface CvRecord {
  applicationId: string;
  jobId: string;
  /** From the file's magic bytes, not from what Linkup claimed. */
  kind: CvKind;
  /** The MIME type of `kind`. */
  mime: string;
  /** Built from the candidate's name with the extension of `kind` (see cvFilename). */
  filename: string;
  /** Bytes. */
  size: number;
  bytes: ArrayBuffer;
  fetchedAt: number;
  creditsConsumed: number;
}

/** A stored CV without its bytes: what lists, progress and messages carry. */
export type CvSummary = Omit<CvRecord, 'bytes'>;
