import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import {
  accountsResultSchema,
  type Broadcast,
  broadcastSchema,
  checkNewResultSchema,
  connectionResultSchema,
  creditsResultSchema,
  currentJobSchema,
  cvBatchResultSchema,
  cvResultSchema,
  type PageRequest,
  pullResultSchema,
} from './messages';

/**
 * The extension pages' side of the message contract: every request is typed and every answer
 * parsed, so a background that changed shape shows as an error, not as undefined behaviour.
 */
async function request<S extends z.ZodMiniType>(
  message: PageRequest,
  schema: S,
): Promise<z.infer<S>> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  return schema.parse(answer);
}

export const pageApi = {
  currentJob: (windowId: number) =>
    request({ type: 'get-current-job', windowId }, currentJobSchema),
  pull: (jobId: string) => request({ type: 'pull', jobId }, pullResultSchema),
  cancelPull: (jobId: string) => request({ type: 'cancel-pull', jobId }, pullResultSchema),
  decide: (jobId: string, proceed: boolean) =>
    request({ type: 'pull-decision', jobId, proceed }, pullResultSchema),
  credits: () => request({ type: 'get-credits' }, creditsResultSchema),
  accounts: () => request({ type: 'list-accounts' }, accountsResultSchema),
  testConnection: (accountId: string) =>
    request({ type: 'test-connection', accountId }, connectionResultSchema),
  checkNew: (jobId: string) => request({ type: 'check-new', jobId }, checkNewResultSchema),
  fetchCv: (jobId: string, applicationId: string, fullName: string) =>
    request({ type: 'cv-fetch', jobId, applicationId, fullName }, cvResultSchema),
  fetchCvs: (jobId: string, candidates: { applicationId: string; fullName: string }[]) =>
    request({ type: 'cv-fetch-many', jobId, candidates }, cvBatchResultSchema),
  cancelCvs: (jobId: string) => request({ type: 'cv-cancel', jobId }, cvBatchResultSchema),
};

/** Calls the handler with every valid broadcast from the background; returns the unsubscribe. */
export function onBroadcast(handler: (message: Broadcast) => void): () => void {
  const listener = (message: unknown) => {
    const parsed = broadcastSchema.safeParse(message);
    if (parsed.success) handler(parsed.data);
    // Returning nothing: pages never answer broadcasts.
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
