import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
  CandidateChunk,
  CandidateRecord,
  CvRecord,
  JobRecord,
  PullRecord,
  ReviewRecord,
} from './types';

export const DB_NAME = 'applicant-panel';
/** Bump together with a new step at the end of `migrations` (see migrations.ts). */
export const DB_VERSION = 4;

/** A stored secret (the Linkup API key): extension IndexedDB is out of content scripts' reach. */
export interface SecretRecord {
  name: string;
  value: string;
}

/** The database as of DB_VERSION. Older layouts live only in the migration steps. */
export interface PanelSchema extends DBSchema {
  /** v1. One record per job ever shown or pulled. */
  jobs: { key: string; value: JobRecord };
  /**
   * v4. A job's candidates in chunks (one per stored page), key [jobId, seq]. One record per
   * candidate cost Chromium a tenth of a millisecond per record plus a per-record storage
   * cost that grew with the job (a 10,000 pull spent 4 s writing); a chunk of 100 is one
   * write. A later chunk's version of an applicant replaces an earlier one (see chunks.ts).
   */
  candidateChunks: { key: [string, number]; value: CandidateChunk };
  /** v1. The latest pull of each job, so a restarted worker can resume it. */
  pulls: { key: string; value: PullRecord };
  /** v1. */
  secrets: { key: string; value: SecretRecord };
  /** v2. The recruiter's own review, apart from candidates so a pull never overwrites it. */
  reviews: { key: string; value: ReviewRecord; indexes: { byJob: string } };
  /**
   * v3. Stored CVs by application ID. `byJobSize` ([jobId, size]) gives the storage figures
   * from index keys alone, without reading a single file.
   */
  cvs: {
    key: string;
    value: CvRecord;
    indexes: { byJob: string; byJobSize: [string, number] };
  };
}

export type PanelDb = IDBPDatabase<PanelSchema>;

export type PanelStoreName = StoreNames<PanelSchema>;

/**
 * Stores that existed in older versions only, for the shipped migration steps that still
 * create and read them.
 */
export interface LegacySchema extends PanelSchema {
  /** v1 to v3. Key [jobId, applicationId]; index byJobRank [jobId, rank]. */
  candidates: {
    key: [string, string];
    value: CandidateRecord;
    indexes: { byJobRank: [string, number] };
  };
}

export type LegacyDb = IDBPDatabase<LegacySchema>;

export type LegacyUpgradeTransaction = IDBPTransaction<
  LegacySchema,
  ArrayLike<StoreNames<LegacySchema>>,
  'versionchange'
>;
