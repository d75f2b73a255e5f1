import type { PanelDb } from './schema';

/** The stored value, or null when there is none. */
export async function getSecret(db: PanelDb, name: string): Promise<string | null> {
  return (await db.get('secrets', name))?.value ?? null;
}

/** Stores the value; null deletes it. */
export async function setSecret(db: PanelDb, name: string, value: string | null): Promise<void> {
  if (value === null) await db.delete('secrets', name);
  else await db.put('secrets', { name, value });
}
