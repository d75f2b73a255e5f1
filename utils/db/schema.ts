import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CandidateRecord, CvRecord, JobRecord, PullRecord, ReviewRecord } from './types';

export const DB_NAME = 'applicant-panel';
/** Bump together with a new step at the end of `migrations` (see migrations.ts). */
export const DB_VERSION = 3;

/** A stored secret (the Linkup API key): extension IndexedDB is out of content scripts' reach. */
export interface SecretRecord {
  name: string;
  value: string;
}

/** The database as of DB_VERSION. Older layouts live only in the migration steps. */
export interface PanelSchema extends DBSchema {
  /** v1. One record per job ever shown or pulled. */
  jobs: { key: string; value: JobRecord };
  /** v1. Key [jobId, applicationId]: the same applicant of two jobs is two records. */
  candidates: {
    key: [string, string];
    value: CandidateRecord;
    /** LinkedIn's order within a job: [jobId, rank]. */
    indexes: { byJobRank: [string, number] };
  };
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

export type UpgradeTransaction = IDBPTransaction<
  PanelSchema,
  ArrayLike<PanelStoreName>,
  'versionchange'
>;
