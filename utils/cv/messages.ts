/**
 * The CV-specific words a recruiter sees, in one table (ready to move to `_locales`). Every
 * other failure of a CV request is a Linkup error and reads as `toErrorInfo` says.
 */
import { type ErrorInfo, isLinkupError, toErrorInfo } from '../linkup/errors';

export const CV_MESSAGES = {
  'no-cv': 'LinkedIn has no CV on file for this applicant.',
  corrupt: 'The CV Linkup sent is damaged or empty; nothing was stored.',
  timeout: 'Linkup took too long to send the CV (over a minute). Try again.',
  /** The job's data was deleted while its CV was on the way. */
  'job-deleted': 'The job’s data was deleted while the CV was downloading; nothing was stored.',
  /** A stored file whose type the magic bytes did not reveal. */
  'unknown-type':
    'This CV is in a format the extension cannot show. Download it to open it on your computer.',
  /** IndexedDB refused the write: the disk or the browser's quota is full. */
  'storage-full':
    'There is no room left to store the CV. Free some disk space or delete the data of old jobs, then try again.',
} as const satisfies Record<string, string>;

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
