import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { listCvIds } from '@/utils/db/cvs';
import { getPanelDb } from '@/utils/db/open';
import type { Decision } from '@/utils/db/types';
import { downloadText } from '@/utils/download';
import { formatCandidates, formatCredits, formatDateTime, formatNumber } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { CvBatch } from '@/utils/messages';
import { onBroadcast, pageApi } from '@/utils/page-api';
import { useEvent } from '@/utils/panel/stable';
import { useJob } from '@/utils/panel/use-job';
import { useReviews } from '@/utils/panel/use-reviews';
import { isPullActive } from '@/utils/pull/view';
import {
  candidateFacts,
  countFacts,
  DEFAULT_FILTERS,
  type FilterCounts,
  type FilterState,
  filterFacts,
  hasActiveFilters,
  isNew,
  parseFilterState,
} from '@/utils/review/filters';
import { createSearcher } from '@/utils/search';
import { filterStatesItem } from '@/utils/settings';
import { AlertList, type PanelAlert } from './AlertList';
import { CandidateDetail } from './CandidateDetail';
import { CandidateRow } from './CandidateRow';
import { CvBatchControls } from './CvBatchControls';
import { FilterBar } from './FilterBar';
import { PullControls } from './PullControls';
import { ShortcutsDialog } from './ShortcutsDialog';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 76;
const OPTIONS_KINDS = new Set(['invalid-key', 'invalid-account', 'no-settings']);
const DECISION_KEYS: Record<string, Decision> = { '1': 'shortlist', '2': 'maybe', '3': 'reject' };

function alertFor(id: string, error: { kind: string; message: string }): PanelAlert {
  return { id, message: error.message, next: OPTIONS_KINDS.has(error.kind) ? 'options' : null };
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** Filters and sort of one job, kept across panel openings. */
function usePersistedFilters(jobId: string): [FilterState, (f: FilterState) => void] {
  const [filters, setFilters] = useState<FilterState>(DEFAULT_FILTERS);
  useEffect(() => {
    void filterStatesItem.getValue().then((all) => setFilters(parseFilterState(all[jobId])));
  }, [jobId]);
  // Kept across renders: the filter bar skips its render while nothing it shows changed.
  const update = useCallback(
    (next: FilterState) => {
      setFilters(next);
      void filterStatesItem
        .getValue()
        .then((all) => filterStatesItem.setValue({ ...all, [jobId]: next }));
    },
    [jobId],
  );
  return [filters, update];
}

function isOtherButton(target: HTMLElement | null): boolean {
  return !!target?.closest('button, summary, a') && !target.closest('.vlist');
}

interface Props {
  jobId: string;
  credits: number | null;
  onCreditsChanged: () => void;
}

/** One job: pull controls, its cached candidates with search and filters, and the detail. */
export function JobView({ jobId, credits, onCreditsChanged }: Props) {
  const data = useJob(jobId);
  const { job, candidates, texts, loaded, ready, pull } = data;
  const review = useReviews(jobId);
  const [filters, setFilters] = usePersistedFilters(jobId);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [alerts, setAlerts] = useState<PanelAlert[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const online = useOnline();
  const searchRef = useRef<HTMLInputElement>(null);
  const [cvBatch, setCvBatch] = useState<CvBatch | null>(null);

  useEffect(
    () =>
      onBroadcast((m) => {
        if (m.type === 'cv-progress' && m.batch.jobId === jobId) setCvBatch(m.batch);
      }),
    [jobId],
  );

  // A pull that ends with an error or skipped records says so once, in plain words.
  useEffect(() => {
    if (!pull) return;
    const next: PanelAlert[] = [];
    if (pull.error && (pull.status === 'failed' || pull.status === 'done')) {
      next.push(alertFor(`pull-${pull.updatedAt}`, pull.error));
    }
    if (pull.skipped > 0 && !isPullActive(pull)) {
      const skipped = formatNumber(pull.skipped);
      next.push({
        id: `skipped-${pull.updatedAt}`,
        message: pull.skipped === 1 ? t('skippedOne', skipped) : t('skippedOther', skipped),
      });
    }
    if (!isPullActive(pull)) onCreditsChanged();
    // Replace only the pull's own alerts: a CV or freshness alert stays until dismissed.
    setAlerts((a) => [...a.filter((x) => !/^(pull|skipped)/.test(x.id)), ...next]);
  }, [pull?.status, pull?.updatedAt]);

  // A keystroke must stay within a frame at 10,000 candidates: the search reuses its recent
  // answers, and the filters and counts read facts prepared once per change of the data.
  const search = useMemo(() => createSearcher(texts), [texts]);
  const matched = useMemo(() => search(query), [search, query]);
  const facts = useMemo(
    () => candidateFacts(candidates, review.reviews, job),
    [candidates, review.reviews, job],
  );
  const lastCounts = useRef<FilterCounts | undefined>(undefined);
  const counts = useMemo(() => countFacts(facts, matched, lastCounts.current), [facts, matched]);
  lastCounts.current = counts;
  const visible = useMemo(() => filterFacts(facts, matched, filters), [facts, matched, filters]);
  const narrowed = query.trim() !== '' || hasActiveFilters(filters);
  const index = selected === null ? -1 : visible.findIndex((c) => c.applicationId === selected);
  const current = index >= 0 ? visible[index] : undefined;
  const activeIndex =
    activeId === null ? -1 : visible.findIndex((c) => c.applicationId === activeId);

  // Keys can arrive faster than Preact renders: the keyboard reads and writes this mirror of
  // the active and selected rows at once, so a quick "down, Enter" opens the right candidate.
  const nav = useRef({ active: activeId, selected, visible });
  nav.current = { active: activeId, selected, visible };

  function open(id: string) {
    nav.current.selected = id;
    nav.current.active = id;
    setSelected(id);
    setActiveId(id);
    review.see(id);
  }

  function back() {
    nav.current.selected = null;
    setSelected(null);
    setKeyboard(true);
  }

  function move(step: number) {
    const { visible: list, selected: opened, active } = nav.current;
    if (list.length === 0) return;
    const fromId = opened ?? active;
    const from = fromId === null ? -1 : list.findIndex((c) => c.applicationId === fromId);
    const to = Math.max(0, Math.min(list.length - 1, from < 0 ? 0 : from + step));
    const id = list[to]?.applicationId ?? null;
    setKeyboard(true);
    if (opened && id) open(id);
    else {
      nav.current.active = id;
      setActiveId(id);
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The live DOM, not state: the dialog may have closed a moment before this key.
      const dialogOpen = !!document.querySelector('dialog[open]');
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || dialogOpen) return;
      const target = e.target as HTMLElement | null;
      const typing = !!target?.closest('input, textarea, select, [contenteditable="true"]');
      const { active, selected: opened, visible: list } = nav.current;
      const inDetail = opened !== null && list.some((c) => c.applicationId === opened);
      if (e.key === 'Escape') {
        if (inDetail) back();
        else if (target === searchRef.current) searchRef.current?.blur();
        else return;
        e.preventDefault();
        return;
      }
      if (typing) return;
      const decision = DECISION_KEYS[e.key];
      const activeShown = active !== null && list.some((c) => c.applicationId === active);
      const focusId = inDetail ? opened : activeShown ? active : null;
      if (e.key === 'j' || e.key === 'ArrowDown') move(1);
      else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
      // Enter on a row (or nowhere) opens the active row; on any other button it keeps its
      // own meaning.
      else if (e.key === 'Enter' && !inDetail && activeShown && active && !isOtherButton(target))
        open(active);
      else if (decision && focusId) review.decide(focusId, decision);
      else if (e.key === '/') searchRef.current?.focus();
      else if (e.key === '?') setShortcuts(true);
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  async function startPull() {
    setBusy(true);
    setAlerts([]);
    setNotice(null);
    try {
      const result = await pageApi.pull(jobId);
      if (!result.ok) setAlerts([alertFor('pull', result.error)]);
      else {
        const answer = result.value;
        // A progress broadcast may already be newer than this answer.
        data.setPull((cur) => (cur && cur.updatedAt >= answer.updatedAt ? cur : answer));
      }
    } catch {
      setAlerts([{ id: 'bg', message: t('panelBackgroundNoAnswer') }]);
    } finally {
      setBusy(false);
    }
  }

  async function checkNew() {
    setBusy(true);
    setNotice(null);
    let result: Awaited<ReturnType<typeof pageApi.checkNew>>;
    try {
      result = await pageApi.checkNew(jobId);
    } catch {
      setAlerts((a) => [...a, { id: 'check-bg', message: t('panelBackgroundNoAnswer') }]);
      return;
    } finally {
      setBusy(false);
    }
    if (!result.ok) {
      setAlerts([alertFor('check', result.error)]);
      return;
    }
    const { newCount, totalAvailable, credits: spent } = result.value;
    const found =
      newCount === 0
        ? t('checkNewNone')
        : newCount === 1
          ? t('checkNewOne', formatNumber(newCount))
          : t('checkNewOther', formatNumber(newCount));
    const what =
      totalAvailable === null ? found : t('checkNewWithTotal', found, formatNumber(totalAvailable));
    setNotice(t('checkNewResult', what, formatCredits(spent)));
    onCreditsChanged();
  }

  async function getCvs() {
    const rows = narrowed ? visible : candidates;
    const list = rows.map((c) => ({
      applicationId: c.applicationId,
      fullName: c.fullName || `${c.firstName} ${c.lastName}`.trim(),
    }));
    const result = await pageApi.fetchCvs(jobId, list);
    if (!result.ok) setAlerts([alertFor('cvs', result.error)]);
    else if (result.value) setCvBatch(result.value);
  }

  async function exportCsv() {
    const rows = narrowed ? visible : candidates;
    const cvIds = await listCvIds(await getPanelDb(), jobId);
    // Loaded on the first export only: papaparse is a fifth of the panel's code otherwise.
    const { candidatesToCsv, csvFilename } = await import('@/utils/export/csv');
    const csv = candidatesToCsv(rows, review.reviews, job, cvIds);
    downloadText(csvFilename(job, jobId, narrowed, new Date()), csv, 'text/csv;charset=utf-8');
    const exported = formatCandidates(rows.length);
    setNotice(narrowed ? t('exportedCsvFiltered', exported) : t('exportedCsv', exported));
  }

  // Handlers of the memoised parts, the same functions on every render.
  const onPull = useEvent(() => void startPull());
  const onCancelPull = useEvent(() => void pageApi.cancelPull(jobId));
  const onDecidePull = useEvent((proceed: boolean) => void pageApi.decide(jobId, proceed));
  const onCheckNew = useEvent(() => void checkNew());
  const onDismissAlert = useCallback(
    (id: string) => setAlerts((a) => a.filter((x) => x.id !== id)),
    [],
  );
  const onGetCvs = useEvent(() => void getCvs());
  const onCancelCvs = useEvent(() => void pageApi.cancelCvs(jobId));
  const onOpenRow = useEvent(open);
  const onCloseShortcuts = useCallback(() => setShortcuts(false), []);
  // New only when what the rows show changed: a keystroke that keeps the same matches leaves
  // the list alone.
  const rowKey = useCallback((i: number) => visible[i]?.applicationId ?? String(i), [visible]);
  const reviews = review.reviews;
  const renderRow = useCallback(
    (i: number) => {
      const c = visible[i];
      return c ? (
        <CandidateRow
          candidate={c}
          review={reviews.get(c.applicationId)}
          isNew={isNew(c, job)}
          active={c.applicationId === activeId}
          focusWhenActive={keyboard}
          onOpen={onOpenRow}
          onFocus={setActiveId}
        />
      ) : null;
    },
    [visible, reviews, job, activeId, keyboard, onOpenRow],
  );

  const pulledAt = job?.lastPulledAt;
  const pulledBefore = !!pulledAt;
  // Intl's date formatting costs a keystroke's render a fraction of a millisecond, every time.
  const pulledAtText = useMemo(() => (pulledAt ? formatDateTime(pulledAt) : ''), [pulledAt]);
  const count = loaded ? candidates.length : (job?.cachedCount ?? candidates.length);

  // One element, not a fragment: the view swaps whole subtrees as pulls and selections change.
  return (
    <div class="job-view">
      <section class="job-summary" aria-label={t('jobSectionLabel')}>
        <p class="count">
          <strong>{ready ? formatCandidates(count) : t('loading')}</strong>
          {job?.totalAvailable != null && job.totalAvailable !== count && (
            <span class="muted"> {t('jobOfApplicants', formatNumber(job.totalAvailable))}</span>
          )}
        </p>
        <p class="muted small">
          {isPullActive(pull)
            ? t('jobPulling')
            : pulledAt
              ? t(online ? 'jobFromCache' : 'jobOfflineFromCache', pulledAtText)
              : t('jobNotPulled')}
          {job && job.creditsSpent > 0
            ? ` · ${t('jobSpent', formatCredits(job.creditsSpent))}`
            : ''}
        </p>
        {credits !== null && <p class="small">{t('jobBalance', formatCredits(credits))}</p>}
        <PullControls
          pull={pull}
          pulledBefore={pulledBefore}
          busy={busy}
          onPull={onPull}
          onCancel={onCancelPull}
          onDecide={onDecidePull}
          onCheckNew={onCheckNew}
        />
        {notice && (
          <p role="status" class="small">
            {notice}
          </p>
        )}
      </section>
      <AlertList alerts={alerts} onDismiss={onDismissAlert} />
      {current ? (
        <CandidateDetail
          candidate={current}
          review={review.reviews.get(current.applicationId)}
          tagsInUse={review.tagsInUse}
          onDecide={(d) => review.decide(current.applicationId, d)}
          onNotes={(n) => review.saveNotes(current.applicationId, n)}
          onTags={(tags) => review.saveTags(current.applicationId, tags)}
          position={t('detailPosition', index + 1, visible.length)}
          onBack={back}
          onPrevious={index > 0 ? () => move(-1) : undefined}
          onNext={index < visible.length - 1 ? () => move(1) : undefined}
        />
      ) : loaded && candidates.length === 0 ? (
        <p class="muted empty">{t('jobNoCandidates')}</p>
      ) : (
        <section class="list-section" aria-label={t('jobListSection')}>
          <div class="field-row">
            <input
              ref={searchRef}
              type="search"
              class="search"
              aria-label={t('searchLabel')}
              aria-keyshortcuts="/"
              placeholder={t('searchPlaceholder')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <button
              type="button"
              onClick={() => void exportCsv()}
              disabled={candidates.length === 0}
            >
              {t('exportCsv')}
            </button>
            <button
              type="button"
              onClick={() => setShortcuts(true)}
              aria-label={t('shortcutsTitle')}
              aria-keyshortcuts="?"
            >
              ?
            </button>
          </div>
          <FilterBar filters={filters} counts={counts} onChange={setFilters} />
          <CvBatchControls
            batch={cvBatch}
            count={narrowed ? visible.length : candidates.length}
            onStart={onGetCvs}
            onCancel={onCancelCvs}
          />
          {narrowed && (
            <p class="small muted" aria-live="polite">
              {t('jobShown', formatNumber(visible.length), formatNumber(candidates.length))}
            </p>
          )}
          <VirtualList
            count={visible.length}
            rowHeight={ROW_HEIGHT}
            label={t('candidatesListLabel')}
            activeIndex={keyboard && activeIndex >= 0 ? activeIndex : undefined}
            rowKey={rowKey}
            renderRow={renderRow}
          />
        </section>
      )}
      <ShortcutsDialog open={shortcuts} onClose={onCloseShortcuts} />
    </div>
  );
}
