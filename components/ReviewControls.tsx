import { useEffect, useState } from 'preact/hooks';
import type { Decision, ReviewRecord } from '@/utils/db/types';
import { type MessageKey, t } from '@/utils/i18n';

const DECISIONS: { value: Decision; label: MessageKey; key: string }[] = [
  { value: 'shortlist', label: 'decisionShortlist', key: '1' },
  { value: 'maybe', label: 'decisionMaybe', key: '2' },
  { value: 'reject', label: 'decisionReject', key: '3' },
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
      .map((part) => part.trim())
      .filter(Boolean);
    if (parts.length) onTags([...tags, ...parts]);
    setTag('');
  }

  return (
    <section class="review" aria-label={t('reviewLabel')}>
      <div class="actions" role="toolbar" aria-label={t('reviewDecisionLabel')}>
        {DECISIONS.map((d) => (
          <button
            key={d.value}
            type="button"
            class={`decision decision-${d.value}`}
            aria-pressed={review?.decision === d.value}
            aria-keyshortcuts={d.key}
            onClick={() => onDecide(d.value)}
          >
            {t(d.label)}
          </button>
        ))}
      </div>
      <div class="field">
        <label for="notes">{t('reviewNotes')}</label>
        <textarea
          id="notes"
          rows={4}
          value={notes}
          placeholder={t('reviewNotesPlaceholder')}
          onInput={(e) => {
            setNotes(e.currentTarget.value);
            onNotes(e.currentTarget.value);
          }}
        />
      </div>
      <div class="field">
        <label for="tag-input">{t('reviewTags')}</label>
        {tags.length > 0 && (
          <ul class="tags" aria-label={t('reviewTagsLabel')}>
            {tags.map((name) => (
              <li key={name}>
                <span class="badge">{name}</span>
                <button
                  type="button"
                  class="link"
                  aria-label={t('reviewRemoveTag', name)}
                  onClick={() => onTags(tags.filter((x) => x !== name))}
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
            placeholder={t('reviewTagPlaceholder')}
            onInput={(e) => setTag(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTag();
              }
            }}
          />
          <button type="button" onClick={addTag} disabled={!tag.trim()}>
            {t('reviewAddTag')}
          </button>
        </div>
        <datalist id="tag-suggestions">
          {tagsInUse
            .filter((used) => !tags.includes(used))
            .map((used) => (
              <option key={used} value={used} />
            ))}
        </datalist>
      </div>
    </section>
  );
}
