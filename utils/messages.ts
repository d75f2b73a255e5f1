// zod/mini: the same checks at a third of the size, in every page and the worker.
import { z } from 'zod/mini';

/**
 * The one contract between the content script, the background and the extension pages.
 * Every message that crosses a context is parsed here; anything that does not parse is
 * dropped, so a compromised page can at most report a job ID.
 */

const jobId = z.string().check(z.regex(/^[1-9][0-9]{5,11}$/));

/** The only message a content script may send. */
export const jobDetectedSchema = z.object({
  type: z.literal('job-detected'),
  jobId: z.nullable(jobId),
  url: z.string().check(z.maxLength(4096)),
  title: z.nullable(z.string().check(z.maxLength(300))),
});
export type JobDetected = z.infer<typeof jobDetectedSchema>;

/** Requests from extension pages (side panel, options) to the background. */
export const pageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-current-job'), windowId: z.int() }),
  z.object({ type: z.literal('pull'), jobId }),
  z.object({ type: z.literal('cancel-pull'), jobId }),
  z.object({ type: z.literal('pull-decision'), jobId, proceed: z.boolean() }),
  z.object({ type: z.literal('get-credits') }),
  /** Tests the key and account in the options page's fields; the key travels through the
   * extension's IndexedDB as a draft, never in a message. */
  z.object({ type: z.literal('test-connection'), accountId: z.string().check(z.maxLength(200)) }),
  z.object({ type: z.literal('list-accounts') }),
  z.object({ type: z.literal('check-new'), jobId }),
  z.object({
    type: z.literal('cv-fetch'),
    jobId,
    applicationId: z.string().check(z.regex(/^\d{1,20}$/)),
    fullName: z.string().check(z.maxLength(500)),
  }),
  z.object({
    type: z.literal('cv-fetch-many'),
    jobId,
    candidates: z
      .array(
        z.object({
          applicationId: z.string().check(z.regex(/^\d{1,20}$/)),
          fullName: z.string().check(z.maxLength(500)),
        }),
      )
      .check(z.maxLength(20_000)),
  }),
  z.object({ type: z.literal('cv-cancel'), jobId }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

export const errorInfoSchema = z.object({
  kind: z.string(),
  message: z.string(),
  retryAfterMs: z.optional(z.number()),
});

export const currentJobSchema = z.object({
  jobId: z.nullable(jobId),
  title: z.nullable(z.string()),
  tabId: z.nullable(z.int()),
});
export type CurrentJob = z.infer<typeof currentJobSchema>;

/** What a page sees of a pull: enough to draw the progress bar, the alerts and the guard. */
export const pullViewSchema = z.object({
  jobId,
  status: z.enum(['queued', 'running', 'paused', 'done', 'failed', 'cancelled']),
  fetched: z.int(),
  total: z.nullable(z.int()),
  skipped: z.int(),
  credits: z.number(),
  /** Credits the remaining pages would cost at most (known once the first page has answered). */
  estimatedCost: z.nullable(z.number()),
  retryAt: z.nullable(z.number()),
  error: z.nullable(errorInfoSchema),
  noLongerListed: z.int(),
  updatedAt: z.number(),
});
export type PullView = z.infer<typeof pullViewSchema>;

/** A batch of CV downloads, as the panel shows it. */
export const cvBatchViewSchema = z.object({
  jobId,
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  total: z.int(),
  done: z.int(),
  stored: z.int(),
  alreadyStored: z.int(),
  noCv: z.int(),
  failed: z.int(),
  credits: z.number(),
  stopping: z.boolean(),
  retryAt: z.nullable(z.number()),
  error: z.nullable(errorInfoSchema),
  updatedAt: z.number(),
});
export type CvBatch = z.infer<typeof cvBatchViewSchema>;

/** Broadcasts from the background to extension pages. */
export const broadcastSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('current-job-changed'), windowId: z.int() }),
  z.object({ type: z.literal('pull-progress'), pull: pullViewSchema }),
  z.object({ type: z.literal('data-changed'), jobId: z.nullable(jobId) }),
  z.object({ type: z.literal('cv-progress'), batch: cvBatchViewSchema }),
]);
export type Broadcast = z.infer<typeof broadcastSchema>;

/** Every answer is a result value, so the page can show an error in plain words. */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: z.infer<typeof errorInfoSchema> };

export const creditsResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.number() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

export const accountsResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    value: z.array(
      z.object({
        accountId: z.string(),
        status: z.string(),
        platform: z.string(),
        label: z.string(),
      }),
    ),
  }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

export const pullResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: pullViewSchema }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

export const connectionResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    value: z.object({
      credits: z.number(),
      accounts: z.array(
        z.object({
          accountId: z.string(),
          status: z.string(),
          platform: z.string(),
          label: z.string(),
        }),
      ),
      accountFound: z.nullable(z.boolean()),
    }),
  }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

export const checkNewResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    value: z.object({
      totalAvailable: z.nullable(z.number()),
      newCount: z.number(),
      credits: z.number(),
    }),
  }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

export const cvResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    value: z.object({
      status: z.enum(['stored', 'already-stored', 'no-cv']),
      credits: z.number(),
    }),
  }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

export const cvBatchResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.nullable(cvBatchViewSchema) }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);
