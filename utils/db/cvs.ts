import type { PanelDb } from './schema';
import { runInTransaction } from './transaction';
import type { CvRecord, CvSummary } from './types';

export function getCv(db: PanelDb, applicationId: string): Promise<CvRecord | undefined> {
  return db.get('cvs', applicationId);
}

/**
 * Stores the CV in one transaction, only while its job is still there: a CV that arrives after
 * the job's data was deleted would otherwise outlive it. Returns false (nothing stored) then.
 */
export async function putCv(db: PanelDb, record: CvRecord): Promise<boolean> {
  const tx = db.transaction(['jobs', 'cvs'], 'readwrite');
  return runInTransaction(tx, async () => {
    const job = await tx.objectStore('jobs').getKey(record.jobId);
    if (job === undefined) return false;
    await tx.objectStore('cvs').put(record);
    return true;
  });
}

/** Application IDs of the job's candidates with a stored CV (keys only, no file is read). */
export async function listCvIds(db: PanelDb, jobId: string): Promise<Set<string>> {
  return new Set(await db.getAllKeysFromIndex('cvs', 'byJob', jobId));
}

/** Bytes of stored CVs per job ID, read from index keys alone. */
export async function cvBytesByJob(db: PanelDb): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  const tx = db.transaction('cvs', 'readonly');
  let cursor = await tx.store.index('byJobSize').openKeyCursor();
  while (cursor) {
    const [jobId, size] = cursor.key;
    totals.set(jobId, (totals.get(jobId) ?? 0) + size);
    cursor = await cursor.continue();
  }
  await tx.done;
  return totals;
}

export async function deleteCv(db: PanelDb, applicationId: string): Promise<void> {
  await db.delete('cvs', applicationId);
}

/** The stored file as a Blob of its sniffed type, to show or download. */
export function cvBlob(record: Pick<CvRecord, 'bytes' | 'mime'>): Blob {
  return new Blob([record.bytes], { type: record.mime });
}

/** The record without its bytes. */
export function cvSummary(record: CvRecord): CvSummary {
  const { bytes: _bytes, ...summary } = record;
  return summary;
}
