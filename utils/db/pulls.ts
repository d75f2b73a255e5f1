import type { PanelDb } from './schema';
import type { PullRecord } from './types';

/** The latest pull of the job (one per job: a new pull replaces the previous record). */
export function getPull(db: PanelDb, jobId: string): Promise<PullRecord | undefined> {
  return db.get('pulls', jobId);
}

export async function putPull(db: PanelDb, pull: PullRecord): Promise<void> {
  await db.put('pulls', pull);
}

/** Pulls a worker restart should resume (running) or offer to continue (paused). */
export async function listUnfinishedPulls(db: PanelDb): Promise<PullRecord[]> {
  // One record per job: a scan is cheaper than an index the store never had.
  const pulls = await db.getAll('pulls');
  return pulls.filter((pull) => pull.status === 'running' || pull.status === 'paused');
}
