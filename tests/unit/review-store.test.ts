import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPanelDb } from '@/utils/db/open';
import { getReview, putReview } from '@/utils/db/reviews';
import type { PanelDb } from '@/utils/db/schema';
import {
  listTagsInUse,
  MAX_NOTES_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  markSeen,
  normalizeTags,
  reviewsByApplication,
  setDecision,
  setNotes,
  setTags,
} from '@/utils/review/review-store';

const JOB = '4341315847';
const OTHER_JOB = '4000000001';

let db: PanelDb;

beforeEach(async () => {
  db = await openPanelDb(new IDBFactory());
});

afterEach(() => {
  db.close();
});

describe('setDecision', () => {
  it('creates the review when missing', async () => {
    const review = await setDecision(db, JOB, '11', 'shortlist', 100);
    expect(review).toEqual({
      applicationId: '11',
      jobId: JOB,
      decision: 'shortlist',
      notes: '',
      tags: [],
      seenAt: null,
      updatedAt: 100,
    });
    expect(await getReview(db, '11')).toEqual(review);
  });

  it('changes and clears the decision, keeping the rest', async () => {
    await setNotes(db, JOB, '11', 'strong React', 100);
    await setDecision(db, JOB, '11', 'maybe', 200);
    expect(await getReview(db, '11')).toMatchObject({
      decision: 'maybe',
      notes: 'strong React',
      updatedAt: 200,
    });
    const cleared = await setDecision(db, JOB, '11', null, 300);
    expect(cleared).toMatchObject({ decision: null, notes: 'strong React', updatedAt: 300 });
    expect(await getReview(db, '11')).toEqual(cleared);
  });

  it('writes nothing when nothing changes', async () => {
    await setDecision(db, JOB, '11', 'reject', 100);
    const same = await setDecision(db, JOB, '11', 'reject', 200);
    expect(same.updatedAt).toBe(100);
    // Clearing a decision nobody made stores no empty review.
    const none = await setDecision(db, JOB, '12', null, 300);
    expect(none.decision).toBeNull();
    expect(await getReview(db, '12')).toBeUndefined();
  });
});

describe('setNotes', () => {
  it('stores the notes as typed, untrimmed', async () => {
    await setNotes(db, JOB, '11', 'Line one\nline two ', 100);
    expect((await getReview(db, '11'))?.notes).toBe('Line one\nline two ');
  });

  it('keeps every note of quick successive saves (last write wins, no lost update)', async () => {
    await Promise.all([
      setNotes(db, JOB, '11', 'a', 1),
      setDecision(db, JOB, '11', 'shortlist', 2),
      setNotes(db, JOB, '11', 'ab', 3),
      setTags(db, JOB, '11', ['x'], 4),
      setNotes(db, JOB, '11', 'abc', 5),
      markSeen(db, JOB, '11', 6),
    ]);
    expect(await getReview(db, '11')).toEqual({
      applicationId: '11',
      jobId: JOB,
      decision: 'shortlist',
      notes: 'abc',
      tags: ['x'],
      seenAt: 6,
      updatedAt: 5,
    });
  });

  it('cuts notes at the limit', async () => {
    const review = await setNotes(db, JOB, '11', 'x'.repeat(MAX_NOTES_LENGTH + 10), 100);
    expect(review.notes).toHaveLength(MAX_NOTES_LENGTH);
  });
});

describe('tags', () => {
  it.each([
    [
      ['  urgent ', 'Urgent', 'URGENT', 'remote'],
      ['urgent', 'remote'],
    ],
    [['', '   ', '\n'], []],
    [
      ['two  \t words', 'line\nbreak'],
      ['two words', 'line break'],
    ],
    [
      ['Straße', 'STRASSE'],
      ['Straße', 'STRASSE'],
    ],
    [
      ['Zoë', 'zoë', '李雷'],
      ['Zoë', '李雷'],
    ],
  ])('normalizeTags(%j) = %j', (input, expected) => {
    expect(normalizeTags(input)).toEqual(expected);
  });

  it('keeps at most MAX_TAGS of at most MAX_TAG_LENGTH characters', () => {
    const many = Array.from({ length: 30 }, (_, i) => `tag${i}`);
    expect(normalizeTags(many)).toEqual(many.slice(0, MAX_TAGS));
    expect(normalizeTags(['y'.repeat(100)])).toEqual(['y'.repeat(MAX_TAG_LENGTH)]);
    // Characters, not UTF-16 units: no emoji is cut in half.
    const emoji = normalizeTags(['😀'.repeat(50)])[0] ?? '';
    expect(Array.from(emoji)).toHaveLength(MAX_TAG_LENGTH);
    expect(emoji).toBe('😀'.repeat(MAX_TAG_LENGTH));
    // Cut at the limit, then trimmed: no trailing space.
    expect(normalizeTags([`${'a'.repeat(39)} b`])).toEqual(['a'.repeat(39)]);
  });

  it('setTags stores the normalised tags', async () => {
    const review = await setTags(db, JOB, '11', [' Senior ', 'senior', '', 'Go'], 100);
    expect(review.tags).toEqual(['Senior', 'Go']);
    expect((await getReview(db, '11'))?.tags).toEqual(['Senior', 'Go']);
    const same = await setTags(db, JOB, '11', ['Senior', 'Go'], 200);
    expect(same.updatedAt).toBe(100);
    expect((await setTags(db, JOB, '11', [], 300)).tags).toEqual([]);
  });

  it('listTagsInUse lists every tag once, sorted, across jobs', async () => {
    expect(await listTagsInUse(db)).toEqual([]);
    await setTags(db, JOB, '11', ['remote', 'Senior'], 1);
    await setTags(db, JOB, '12', ['senior', 'React 18', 'React 9'], 2);
    await setTags(db, OTHER_JOB, '21', ['ángel', 'Berlin'], 3);
    expect(await listTagsInUse(db)).toEqual([
      'ángel',
      'Berlin',
      'React 9',
      'React 18',
      'remote',
      'Senior',
    ]);
  });
});

describe('markSeen', () => {
  it('sets seenAt once, creating the review when missing', async () => {
    const first = await markSeen(db, JOB, '11', 100);
    expect(first).toMatchObject({ seenAt: 100, decision: null, updatedAt: 100 });
    const again = await markSeen(db, JOB, '11', 200);
    expect(again.seenAt).toBe(100);
    expect((await getReview(db, '11'))?.seenAt).toBe(100);
  });

  it('is not an edit: an existing review keeps its updatedAt', async () => {
    await setDecision(db, JOB, '11', 'maybe', 100);
    const seen = await markSeen(db, JOB, '11', 500);
    expect(seen).toMatchObject({ decision: 'maybe', seenAt: 500, updatedAt: 100 });
  });
});

describe('reviewsByApplication', () => {
  it('maps the job’s reviews by application ID, and no other job’s', async () => {
    await setDecision(db, JOB, '11', 'shortlist', 1);
    await setNotes(db, JOB, '12', 'hmm', 2);
    await setDecision(db, OTHER_JOB, '21', 'reject', 3);
    const map = await reviewsByApplication(db, JOB);
    expect([...map.keys()].sort()).toEqual(['11', '12']);
    expect(map.get('11')?.decision).toBe('shortlist');
    expect(map.get('12')?.notes).toBe('hmm');
    expect((await reviewsByApplication(db, '4999999999')).size).toBe(0);
  });
});

describe('failures', () => {
  it('rejects and stores nothing when the write fails', async () => {
    await putReview(db, {
      applicationId: '11',
      jobId: JOB,
      decision: 'maybe',
      notes: 'keep me',
      tags: [],
      seenAt: null,
      updatedAt: 1,
    });
    // A key IndexedDB cannot store: the put throws inside the transaction.
    await expect(
      setDecision(db, JOB, undefined as unknown as string, 'reject', 2),
    ).rejects.toThrow();
    expect(await getReview(db, '11')).toMatchObject({ decision: 'maybe', notes: 'keep me' });
  });
});
