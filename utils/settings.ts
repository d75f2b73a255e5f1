import { storage } from 'wxt/utils/storage';
import { getPanelDb } from './db/open';
import { getSecret, setSecret } from './db/secrets';
import type { TabJobsSnapshot } from './tab-jobs';

/**
 * Every setting of the extension. Plain preferences live in `storage.local`; the API key does
 * not, because content scripts can read `storage.local` in both Chrome and Firefox. It lives
 * in the extension's own IndexedDB, which no web page or content script can open.
 */

/** The Linkup account (the connected LinkedIn account) that pulls go through. */
export const accountIdItem = storage.defineItem<string>('local:accountId', {
  fallback: '',
  version: 1,
});

/** Ask before a pull costs more than this many credits (0: never ask). */
export const creditGuardItem = storage.defineItem<number>('local:creditGuard', {
  fallback: 50,
  version: 1,
});

/** Credits spent through this extension, all jobs together (deleting a job keeps it). */
export const creditsSpentItem = storage.defineItem<number>('local:creditsSpent', {
  fallback: 0,
  version: 1,
});

export async function addCreditsSpent(credits: number): Promise<void> {
  await creditsSpentItem.setValue((await creditsSpentItem.getValue()) + credits);
}

/** Each job's filters and sort in the panel, so they survive closing it. Parsed on read. */
export const filterStatesItem = storage.defineItem<Record<string, unknown>>('local:filterStates', {
  fallback: {},
  version: 1,
});

/** Which job each tab shows; session storage outlives a stopped worker, not the browser. */
export const tabJobsItem = storage.defineItem<TabJobsSnapshot | null>('session:tabJobs', {
  fallback: null,
});

const API_KEY = 'apiKey';
/** The key typed in the options page but not saved yet, for "Test connection". */
const DRAFT_API_KEY = 'draftApiKey';

export async function getApiKey(): Promise<string> {
  return (await getSecret(await getPanelDb(), API_KEY)) ?? '';
}

export async function setApiKey(key: string): Promise<void> {
  await setSecret(await getPanelDb(), API_KEY, key.trim() || null);
}

export async function setDraftApiKey(key: string | null): Promise<void> {
  await setSecret(await getPanelDb(), DRAFT_API_KEY, key?.trim() || null);
}

/** Reads and deletes the draft, so an unsaved key never lingers. */
export async function takeDraftApiKey(): Promise<string> {
  const db = await getPanelDb();
  const draft = (await getSecret(db, DRAFT_API_KEY)) ?? '';
  await setSecret(db, DRAFT_API_KEY, null);
  return draft;
}

export interface Credentials {
  apiKey: string;
  accountId: string;
}

export async function getCredentials(): Promise<Credentials> {
  const [apiKey, accountId] = await Promise.all([getApiKey(), accountIdItem.getValue()]);
  return { apiKey, accountId: accountId.trim() };
}

/** Shows that a key is set without showing it: the last four characters only. */
export function maskKey(key: string): string {
  return key.length <= 4 ? '•'.repeat(key.length) : `••••${key.slice(-4)}`;
}
