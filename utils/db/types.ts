import type { ApiCandidate } from '../linkup/types';

export interface JobRecord {
  jobId: string;
  title: string | null;
  /** `total_available_results` from the latest page that reported it. */
  totalAvailable: number | null;
  /** Always equal to the number of candidate records of this job in the store. */
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
