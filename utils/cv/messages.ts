/**
 * The CV-specific words a recruiter sees (keys of `_locales/<lang>/messages.json`). Every
 * other failure of a CV request is a Linkup error and reads as `toErrorInfo` says.
 */
import { type MessageKey, messageTable, t } from '../i18n';
import { type ErrorInfo, isLinkupError, toErrorInfo } from '../linkup/errors';
import type { CvKind } from './sniff';

/** The messages in the browser's language, read when used. */
export const CV_MESSAGES = messageTable({
  'no-cv': 'cvNoCv',
  corrupt: 'cvCorrupt',
  timeout: 'cvTimeout',
  /** The job's data was deleted while its CV was on the way. */
  'job-deleted': 'cvJobDeleted',
  /** A stored file whose type the magic bytes did not reveal. */
  'unknown-type': 'cvUnknownType',
  /** IndexedDB refused the write: the disk or the browser's quota is full. */
  'storage-full': 'cvStorageFull',
});

const TYPE_LABELS = {
  pdf: 'cvTypePdf',
  docx: 'cvTypeDocx',
  doc: 'cvTypeDoc',
  rtf: 'cvTypeRtf',
  unknown: 'cvTypeUnknown',
} as const satisfies Record<CvKind, MessageKey>;

/** A CV's type for people, in the browser's language: "PDF", "Word document". */
export function cvTypeLabel(kind: CvKind): string {
  return t(TYPE_LABELS[kind]);
}

/**
 * An error of a CV request in plain words: a timeout and an unreadable payload get the CV
 * wording, everything else (402, 403, 404, 5xx...) the shared Linkup messages.
 */
export function cvErrorInfo(err: unknown): ErrorInfo {
  const info = toErrorInfo(err);
  if (err instanceof CvJobGoneError)
    return { kind: 'cancelled', message: CV_MESSAGES['job-deleted'] };
  if (isQuotaError(err)) return { kind: 'unknown', message: CV_MESSAGES['storage-full'] };
  if (!isLinkupError(err)) return info;
  if (err.kind === 'timeout') return { ...info, message: CV_MESSAGES.timeout };
  if (err.kind === 'invalid-response') return { ...info, message: CV_MESSAGES.corrupt };
  return info;
}

/** The job was deleted while its CV was on the way: nothing was stored. */
export class CvJobGoneError extends Error {
  override readonly name = 'CvJobGoneError';
  constructor(readonly jobId: string) {
    super(`Job ${jobId} was deleted before its CV could be stored`);
  }
}

function isQuotaError(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { name?: unknown }).name === 'QuotaExceededError'
  );
}
