/**
 * The recruiter's own review of each candidate: decision, notes, tags and when first seen.
 * Every change is one read-modify-write transaction, so two quick edits (notes saved as you
 * type, a decision key pressed meanwhile) never overwrite each other: IndexedDB runs
 * readwrite transactions on the same store one after another.
 */
import { emptyReview, listReviews } from '../db/reviews';
import type { PanelDb } from '../db/schema';
import { runInTransaction } from '../db/transaction';
import type { Decision, ReviewRecord } from '../db/types';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
/** Far beyond any real note; the notes field should carry it as its `maxLength`. */
export const MAX_NOTES_LENGTH = 20_000;

/**
 * Tags as stored: whitespace runs made one space, trimmed, empties dropped, cut to
 * MAX_TAG_LENGTH characters, the first spelling kept of tags equal but for case, at most
 * MAX_TAGS of them.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    // Array.from counts characters, not UTF-16 units, so an emoji is never cut in half.
    const tag = Array.from(raw.replace(/\s+/g, ' ').trim())
      .slice(0, MAX_TAG_LENGTH)
      .join('')
      .trim();
    if (!tag) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

/**
 * Reads the review (a fresh one when missing), lets `change` return the updated one or `null`
 * for "nothing to change", and writes it: all in one transaction.
 */
async function updateReview(
  db: PanelDb,
  jobId: string,
  applicationId: string,
  now: number,
  change: (review: ReviewRecord) => ReviewRecord | null,
): Promise<ReviewRecord> {
  const tx = db.transaction(['reviews'], 'readwrite');
  return runInTransaction(tx, async () => {
    const store = tx.objectStore('reviews');
    const existing = await store.get(applicationId);
    const base = existing ?? emptyReview(applicationId, jobId, now);
    const updated = change(base);
    if (!updated) {
      if (existing) return existing;
      // Nothing to change, and nothing stored: no need to store an empty review either.
      return base;
    }
    const record: ReviewRecord = { ...updated, jobId };
    await store.put(record);
    return record;
  });
}

/** Sets the decision; `null` clears it (the same button pressed again). */
export function setDecision(
  db: PanelDb,
  jobId: string,
  applicationId: string,
  decision: Decision | null,
  now: number,
): Promise<ReviewRecord> {
  return updateReview(db, jobId, applicationId, now, (review) =>
    review.decision === decision ? null : { ...review, decision, updatedAt: now },
  );
}

/** Stores the notes as typed (untrimmed: trailing spaces are the next word's beginning). */
export function setNotes(
  db: PanelDb,
  jobId: string,
  applicationId: string,
  notes: string,
  now: number,
): Promise<ReviewRecord> {
  const text = notes.length > MAX_NOTES_LENGTH ? notes.slice(0, MAX_NOTES_LENGTH) : notes;
  return updateReview(db, jobId, applicationId, now, (review) =>
    review.notes === text ? null : { ...review, notes: text, updatedAt: now },
  );
}

/** Replaces the tags, normalised (see `normalizeTags`). */
export function setTags(
  db: PanelDb,
  jobId: string,
  applicationId: string,
  tags: readonly string[],
  now: number,
): Promise<ReviewRecord> {
  const next = normalizeTags(tags);
  return updateReview(db, jobId, applicationId, now, (review) =>
    sameList(review.tags, next) ? null : { ...review, tags: next, updatedAt: now },
  );
}

/**
 * Records when the candidate was first opened; later openings change nothing. Seeing is not
 * an edit, so an existing review keeps its `updatedAt` (which decides whose review wins when
 * a backup is merged).
 */
export function markSeen(
  db: PanelDb,
  jobId: string,
  applicationId: string,
  now: number,
): Promise<ReviewRecord> {
  return updateReview(db, jobId, applicationId, now, (review) =>
    review.seenAt === null ? { ...review, seenAt: now } : null,
  );
}

/** Every tag used in any review, once (case-insensitively), sorted: the tag suggestions. */
export async function listTagsInUse(db: PanelDb): Promise<string[]> {
  const byKey = new Map<string, string>();
  for (const review of await db.getAll('reviews')) {
    for (const tag of review.tags) {
      const key = tag.toLowerCase();
      if (!byKey.has(key)) byKey.set(key, tag);
    }
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return [...byKey.values()].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1));
}

/** The job's reviews by application ID: the lookup filters, counts and export take. */
export async function reviewsByApplication(
  db: PanelDb,
  jobId: string,
): Promise<Map<string, ReviewRecord>> {
  const reviews = await listReviews(db, jobId);
  return new Map(reviews.map((review) => [review.applicationId, review]));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
