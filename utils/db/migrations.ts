import { CHUNK_SIZE } from './chunks';
import type { LegacyDb, LegacyUpgradeTransaction } from './schema';
import { issue } from './transaction';
import type { CandidateRecord } from './types';

/**
 * Upgrades the database from version `index` to `index + 1`. Steps see the legacy layout:
 * a store that a later step removes is still there when they run.
 */
export type Migration = (db: LegacyDb, tx: LegacyUpgradeTransaction) => void | Promise<void>;

/**
 * `migrations[v]` takes a version-v database to v + 1; opening runs every step from the
 * stored version up to DB_VERSION, in order, inside the one upgrade transaction. Shipped
 * steps never change: a new version appends a step.
 */
export const migrations: readonly Migration[] = [
  // 0 → 1: the first shipped layout.
  (db) => {
    db.createObjectStore('jobs', { keyPath: 'jobId' });
    db.createObjectStore('candidates', { keyPath: ['jobId', 'applicationId'] }).createIndex(
      'byJobRank',
      ['jobId', 'rank'],
    );
    db.createObjectStore('pulls', { keyPath: 'jobId' });
    db.createObjectStore('secrets', { keyPath: 'name' });
  },
  // 1 → 2: reviews get their own store; candidates learn which pull last listed them.
  async (db, tx) => {
    db.createObjectStore('reviews', { keyPath: 'applicationId' }).createIndex('byJob', 'jobId');
    let cursor = await tx.objectStore('candidates').openCursor();
    while (cursor) {
      // v1 records lack both fields, whatever their declared type says now.
      const old: Partial<typeof cursor.value> = cursor.value;
      if (typeof old.noLongerListed !== 'boolean' || typeof old.lastPullId !== 'string') {
        await cursor.update({
          ...cursor.value,
          noLongerListed: typeof old.noLongerListed === 'boolean' ? old.noLongerListed : false,
          lastPullId: typeof old.lastPullId === 'string' ? old.lastPullId : '',
        });
      }
      cursor = await cursor.continue();
    }
  },
  // 2 → 3: stored CVs.
  (db) => {
    const cvs = db.createObjectStore('cvs', { keyPath: 'applicationId' });
    cvs.createIndex('byJob', 'jobId');
    cvs.createIndex('byJobSize', ['jobId', 'size']);
  },
  // 3 → 4: candidates move from one record each to chunks, in LinkedIn's order per job.
  async (db, tx) => {
    const old = await tx.objectStore('candidates').index('byJobRank').getAll();
    db.deleteObjectStore('candidates');
    const chunks = db.createObjectStore('candidateChunks', { keyPath: ['jobId', 'seq'] });
    const byJob = new Map<string, CandidateRecord[]>();
    for (const c of old) {
      const list = byJob.get(c.jobId);
      if (list) list.push(c);
      else byJob.set(c.jobId, [c]);
    }
    const writes: Promise<unknown>[] = [];
    for (const [jobId, list] of byJob) {
      for (let seq = 0; seq * CHUNK_SIZE < list.length; seq++) {
        const candidates = list.slice(seq * CHUNK_SIZE, (seq + 1) * CHUNK_SIZE);
        writes.push(issue(() => chunks.put({ jobId, seq, candidates })));
      }
    }
    await Promise.all(writes);
  },
];
