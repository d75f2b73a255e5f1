import { useEffect, useState } from 'preact/hooks';
import type { Decision, ReviewRecord } from '@/utils/db/types';

const DECISIONS: { value: Decision; label: string; key: string }[] = [
  { value: 'shortlist', label: 'Shortlist', key: '1' },
  { value: 'maybe', label: 'Maybe', key: '2' },
  { value: 'reject', label: 'Reject', key: '3' },
];

interface Props {
  review: ReviewRecord | undefined;
  tagsInUse: string[];
  onDecide: (decision: Decision) => void;
  onNotes: (notes: string) => void;
  onTags: (tags: string[]) => void;
}

/** The recruiter's own decision, notes and tags; LinkedIn never sees any of it. */
export function ReviewControls({ review, tagsInUse, onDecide, onNotes, onTags }: Props) {
  const [notes, setNotes] = useState(review?.notes ?? '');
  const [tag, setTag] = useState('');
  const tags = review?.tags ?? [];
  // A different candidate (or the stored review arriving) replaces what the field shows.
  useEffect(() => setNotes(review?.notes ?? ''), [review?.applicationId]);

  function addTag() {
    const parts = tag
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (parts.length) onTags([...tags, ...parts]);
    setTag('');
  }

  return (
    <section class="review" aria-label="Your review">
      <div class="actions" role="toolbar" aria-label="Decision">
        {DECISIONS.map((d) => (
          <button
            key={d.value}
            type="button"
            class={`decision decision-${d.value}`}
            aria-pressed={review?.decision === d.value}
            aria-keyshortcuts={d.key}
            onClick={() => onDecide(d.value)}
          >
            {d.label}
          </button>
        ))}
      </div>
      <div class="field">
        <label for="notes">Notes</label>
        <textarea
          id="notes"
          rows={4}
          value={notes}
          placeholder="Your notes stay in this browser."
          onInput={(e) => {
            setNotes(e.currentTarget.value);
            onNotes(e.currentTarget.value);
          }}
        />
      </div>
      <div class="field">
        <label for="tag-input">Tags</label>
        {tags.length > 0 && (
          <ul class="tags" aria-label="Tags of this candidate">
            {tags.map((t) => (
              <li key={t}>
                <span class="badge">{t}</span>
                <button
                  type="button"
                  class="link"
                  aria-label={`Remove tag ${t}`}
                  onClick={() => onTags(tags.filter((x) => x !== t))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="field-row">
          <input
            id="tag-input"
            type="text"
            list="tag-suggestions"
            value={tag}
            placeholder="Add a tag, then Enter"
            onInput={(e) => setTag(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTag();
              }
            }}
          />
          <button type="button" onClick={addTag} disabled={!tag.trim()}>
            Add tag
          </button>
        </div>
        <datalist id="tag-suggestions">
          {tagsInUse
            .filter((t) => !tags.includes(t))
            .map((t) => (
              <option key={t} value={t} />
            ))}
        </datalist>
      </div>
    </section>
  );
}
