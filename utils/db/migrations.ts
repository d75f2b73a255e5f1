import type { PanelDb, UpgradeTransaction } from './schema';

/** Upgrades the database from version `index` to `index + 1`. */
export type Migration = (db: PanelDb, tx: UpgradeTransaction) => void | Promise<void>;

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
];
