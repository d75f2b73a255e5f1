import { useCallback, useEffect, useState } from 'preact/hooks';
import { getPanelDb } from '../db/open';
import type { Decision, ReviewRecord } from '../db/types';
import {
  listTagsInUse,
  markSeen,
  reviewsByApplication,
  setDecision,
  setNotes,
  setTags,
} from '../review/review-store';

export interface Reviews {
  reviews: Map<string, ReviewRecord>;
  tagsInUse: string[];
  decide: (applicationId: string, decision: Decision) => void;
  saveNotes: (applicationId: string, notes: string) => void;
  saveTags: (applicationId: string, tags: string[]) => void;
  see: (applicationId: string) => void;
}

/**
 * The recruiter's own review of each candidate of a job, written through to IndexedDB at once
 * (a note typed is stored with the keystroke, so closing the panel loses nothing).
 */
export function useReviews(jobId: string): Reviews {
  const [reviews, setReviews] = useState<Map<string, ReviewRecord>>(new Map());
  const [tagsInUse, setTagsInUse] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    void getPanelDb().then(async (db) => {
      const [map, tags] = await Promise.all([reviewsByApplication(db, jobId), listTagsInUse(db)]);
      if (live) {
        setReviews(map);
        setTagsInUse(tags);
      }
    });
    return () => {
      live = false;
    };
  }, [jobId]);

  const apply = useCallback(
    (write: (db: Awaited<ReturnType<typeof getPanelDb>>) => Promise<ReviewRecord>) => {
      void getPanelDb()
        .then(write)
        .then((record) =>
          setReviews((current) => new Map(current).set(record.applicationId, record)),
        );
    },
    [],
  );

  return {
    reviews,
    tagsInUse,
    decide: (id, decision) => {
      const pressedAgain = reviews.get(id)?.decision === decision;
      apply((db) => setDecision(db, jobId, id, pressedAgain ? null : decision, Date.now()));
    },
    saveNotes: (id, notes) => apply((db) => setNotes(db, jobId, id, notes, Date.now())),
    saveTags: (id, tags) => {
      apply((db) => setTags(db, jobId, id, tags, Date.now()));
      setTagsInUse((current) =>
        [...new Set([...current, ...tags])].sort((a, b) => a.localeCompare(b)),
      );
    },
    see: (id) => {
      if (reviews.get(id)?.seenAt) return;
      apply((db) => markSeen(db, jobId, id, Date.now()));
    },
  };
}
