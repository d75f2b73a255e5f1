import { wrap } from 'idb';
import { migrations } from './migrations';
import {
  DB_NAME,
  DB_VERSION,
  type LegacyDb,
  type LegacyUpgradeTransaction,
  type PanelDb,
} from './schema';

/**
 * Opens (creating or upgrading) the panel's database. `factory` and `name` exist for tests;
 * idb's `openDB` always uses the global `indexedDB`, so the open is done here with `wrap`.
 */
export function openPanelDb(
  factory: IDBFactory = indexedDB,
  name: string = DB_NAME,
): Promise<PanelDb> {
  const request = factory.open(name, DB_VERSION);
  let upgradeError: unknown;

  request.addEventListener('upgradeneeded', (event) => {
    const rawTx = request.transaction;
    if (!rawTx) return;
    const db = wrap(request.result) as unknown as LegacyDb;
    const tx = wrap(rawTx) as unknown as LegacyUpgradeTransaction;
    // The open request reports the outcome; this only keeps an abort from going unhandled.
    tx.done.catch(() => undefined);
    runMigrations(db, tx, event.oldVersion).catch((error: unknown) => {
      // A step that fails must leave the old version untouched, not half upgraded.
      upgradeError = error;
      try {
        rawTx.abort();
      } catch {
        // The transaction already ended on its own, failing the open request anyway.
      }
    });
  });

  request.addEventListener('blocked', () => {
    // Another page holds an older connection and has not closed it yet; the open waits.
    console.warn(`IndexedDB "${name}" upgrade is waiting for other pages to close it`);
  });

  return (wrap(request) as Promise<unknown> as Promise<PanelDb>).then(
    (db) => {
      // A newer version of the extension wants to upgrade: let it, rather than block it.
      db.addEventListener('versionchange', () => db.close());
      return db;
    },
    (error: unknown) => {
      throw upgradeError ?? error;
    },
  );
}

async function runMigrations(db: LegacyDb, tx: LegacyUpgradeTransaction, oldVersion: number) {
  for (let version = oldVersion; version < DB_VERSION; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No migration from database version ${version}`);
    // Synchronous steps run without an await in between, as IndexedDB expects.
    const pending = step(db, tx);
    if (pending) await pending;
  }
}

let cached: Promise<PanelDb> | null = null;

/**
 * The one shared connection of this page or worker. It is opened on first use and opened
 * again after it closes (another version upgraded the database, or the browser closed it).
 */
export function getPanelDb(): Promise<PanelDb> {
  if (cached) return cached;
  const opening: Promise<PanelDb> = openPanelDb().then(
    (db) => {
      const forget = () => {
        if (cached === opening) cached = null;
      };
      db.addEventListener('close', forget);
      db.addEventListener('versionchange', forget);
      return db;
    },
    (error: unknown) => {
      if (cached === opening) cached = null;
      throw error;
    },
  );
  cached = opening;
  return opening;
}
