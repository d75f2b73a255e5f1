import type { IDBPTransaction } from 'idb';
import type { PanelSchema, PanelStoreName } from './schema';

/**
 * Runs `work` inside `tx` and resolves once the transaction has committed. If `work` throws
 * (a request failed, or a value could not be stored), the transaction is aborted so nothing
 * it wrote survives: without the abort, IndexedDB would commit the requests issued so far.
 */
export async function runInTransaction<T>(
  tx: IDBPTransaction<PanelSchema, PanelStoreName[], 'readonly' | 'readwrite'>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request, or committed and then failed: nothing to undo.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/**
 * Issues a request now and returns its promise; a synchronous throw (a bad key, a value that
 * cannot be cloned) becomes a rejection. Used inside `Promise.all([...])` so that a request
 * that cannot even be issued still leaves every earlier request's rejection handled.
 */
export async function issue<T>(request: () => Promise<T>): Promise<T> {
  return request();
}
