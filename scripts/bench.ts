/**
 * `npm run bench [-- --runs N] [--keystrokes N] [--no-build] [--out FILE]`
 *
 * Measures what users feel, in a real Chromium with the production build (issue 6): builds the
 * extension, copies the build aside (so a rebuild during the run cannot change it), starts the
 * Linkup mock in this process with no latency, loads the extension into Debian's Chromium
 * (api.linkupapi.com resolved to the mock's HTTPS port on loopback, so nothing intercepts the
 * requests; LinkedIn served by the fake pages) and measures, over several runs:
 *
 *  1. panel opened on a job with 1,000 and 10,000 cached candidates: first candidate row painted;
 *  2. keystrokes in the search field at 10,000: keystroke to updated list and painted frame;
 *  3. a scripted scroll through 10,000: most rows in the DOM at once, long (dropped) frames;
 *  4. a pull of 10,000 applicants from the mock: wall time, requests, credits, write time;
 *  5. in-page navigation on a LinkedIn page: pushState to the background knowing the job;
 *  6. bundle sizes per entry point (scripts/bundle-size.ts);
 *  7. the panel's JS heap after a GC, with 1,000 and 10,000 candidates.
 *
 * Large jobs are seeded through the extension's own path: a pull from the mock, each 10,000
 * pull into a fresh profile. Prints one table (median, spread = min – max and p95 over every
 * sample, target, pass/miss) and writes it with the per-run details to
 * bench-results/latest.json. Page times are taken in the page with `performance.now()`
 * (relative to its navigation start); worker times in the worker, by wrapping its `fetch` and
 * IndexedDB's `transaction`/`put` and listening to its messages and session storage (observing
 * only); cross-context navigation times with `Date.now()` on both sides. Playwright's side of
 * the pipe never times anything.
 *
 * The figures are only as quiet as the machine: the load average is recorded with them, and a
 * blank extension page's first paint is measured as the floor under the panel's figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { selfSignedCertificate } from '../tests/fixtures/certificate';
import {
  CHROMIUM_PATH as CHROMIUM,
  extensionArgs,
  routeFakeLinkedIn,
  routeLinkupToMock,
} from '../tests/fixtures/chromium';
import { MOCK_JOBS } from '../tests/mock-linkup/data';
import { type MockLinkup, startMockLinkup } from '../tests/mock-linkup/server';
import { BUILDS, type BuildSize, kB, measureBuild } from './bundle-size';

const ROOT = resolve(import.meta.dirname, '..');
const KEY = 'test-key';
const ACCOUNT = 'acc_demo';
const JOB_10K = MOCK_JOBS.huge.jobId;
/** Not a seeded job: the mock is given 1,000 applicants for it. */
const JOB_1K = '4000001000';
/** A side panel's shape (Chrome's is 320 to ~600 px wide, full window height). */
const PANEL_VIEWPORT = { width: 420, height: 900 };
/** How long the scripted scroll takes to go through the whole list (frames at 60 Hz). */
const SCROLL_FRAMES = 300;
/** A rAF interval above 1.5 frames means at least one frame was dropped. */
const LONG_FRAME_MS = 1.5 * (1000 / 60);
/** Typed into the search field, then deleted, as often as needed. */
const QUERY = 'engineer london';
const LINKEDIN_A = { jobId: MOCK_JOBS.demo.jobId, link: 'Senior Frontend Engineer' };
const LINKEDIN_B = { jobId: MOCK_JOBS.tiny.jobId, link: 'Data Analyst applicants' };

const USAGE = `Usage: npm run bench -- [--runs N] [--keystrokes N] [--no-build] [--out FILE]

  --runs N        runs per figure (default 5); figures report the median and the spread
  --keystrokes N  keystrokes per run in the search test (default 20)
  --no-build      measure the existing .output/chrome-mv3 instead of running \`wxt build\`
  --out FILE      where to write the JSON (default bench-results/latest.json)

Environment: CHROMIUM_PATH (default /usr/bin/chromium).`;

// ---------------------------------------------------------------------------------------------
// Figures

interface Target {
  /** The figure must be below this. */
  below: number;
  /** What the target is compared with: the median, the p95 or the max of the samples. */
  on: 'median' | 'p95' | 'max';
}

interface Figure {
  id: string;
  label: string;
  unit: 'ms' | 'count' | 'MB' | 'kB' | 'ms/1k' | '%' | 'credits';
  samples: number[];
  median: number;
  min: number;
  max: number;
  p95: number;
  target: Target | null;
  /** null: no target. */
  pass: boolean | null;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

function figure(
  id: string,
  label: string,
  unit: Figure['unit'],
  samples: number[],
  target: Target | null = null,
  note?: string,
): Figure {
  const sorted = samples.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const stats = {
    median:
      sorted.length % 2 === 1
        ? (sorted[Math.floor(middle)] as number)
        : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    p95: percentile(sorted, 95),
  };
  const pass = target === null || sorted.length === 0 ? null : stats[target.on] < target.below;
  return { id, label, unit, samples, ...stats, target, pass, note };
}

const figures: Figure[] = [];
const details: Record<string, unknown> = {};
const add = (f: Figure) => {
  figures.push(f);
  return f;
};

// ---------------------------------------------------------------------------------------------
// Browser

/**
 * tsx compiles this file with esbuild's keepNames, so functions sent to the browser call a
 * `__name` helper that only exists here: every page and the worker get a no-op one first.
 */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

interface Bench {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  userDataDir: string;
  close: () => Promise<void>;
}

/**
 * Launches Chromium with the build copy, like tests/e2e/harness.ts (which always loads
 * .output/chrome-mv3, a folder another build may rewrite during a long benchmark).
 */
export async function launch(extDir: string, mock: MockLinkup): Promise<Bench> {
  const userDataDir = mkdtempSync(join(os.tmpdir(), 'ap-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: PANEL_VIEWPORT,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: extensionArgs(extDir, mock.tlsPort ?? undefined),
  });
  // Straight to the mock over HTTPS when it serves it: Playwright's interception alone cost
  // about 25 ms a request, a third of a 10,000 pull.
  if (mock.tlsPort === null) await routeLinkupToMock(context, mock.url);
  await routeFakeLinkedIn(context);
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(panelProbe);
  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function configure(b: Bench) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByLabel('API key', { exact: true }).fill(KEY);
  await page.getByLabel('Account ID', { exact: true }).fill(ACCOUNT);
  // A 10,000 pull costs 1,000 credits: the guard would pause it after the first page.
  await page.getByLabel(/Ask before a pull costs more than/).fill('0');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.close();
}

export async function openPanel(b: Bench, query = ''): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/sidepanel.html${query}`);
  return page;
}

// ---------------------------------------------------------------------------------------------
// In-page probes (these functions run in the browser: no closures over node values)

interface ProbeState {
  /** The first `li` in the Candidates list was inserted (MutationObserver). */
  inserted: number | null;
  /** The first animation frame after that insertion began. */
  frame: number | null;
  /** That frame's rendering ended (a task queued from its rAF callback ran). */
  painted: number | null;
  /** Element Timing's render time of the first row's name, when the browser reports it. */
  elementRender: number | null;
  firstContentfulPaint: number | null;
  /** Every change of the list's height (its row count times the row height). */
  heights: { t: number; height: string }[];
  maxRows: number;
  /** When the page's first IndexedDB open, cursor and getAll were asked for and answered. */
  marks: Record<string, number>;
  stop: () => void;
}

/** Installed in every page before its scripts; active in the side panel only. */
function panelProbe() {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('sidepanel.html'))
    return;
  const state: ProbeState = {
    inserted: null,
    frame: null,
    painted: null,
    elementRender: null,
    firstContentfulPaint: null,
    heights: [],
    maxRows: 0,
    marks: {},
    stop: () => {},
  };
  (window as unknown as { __bench: ProbeState }).__bench = state;
  const mark = (name: string) => {
    if (!(name in state.marks)) state.marks[name] = performance.now();
  };
  // Where the time to the first row goes: the first of each request, asked and answered.
  const watch = (proto: object, method: string, label: string) => {
    const target = proto as Record<string, (...args: unknown[]) => IDBRequest>;
    const original = target[method];
    if (!original) return;
    target[method] = function (this: unknown, ...args: unknown[]) {
      const request = original.apply(this, args);
      mark(`${label} asked`);
      request.addEventListener('success', () => mark(`${label} answered`), { once: true });
      return request;
    };
  };
  watch(IDBFactory.prototype, 'open', 'db open');
  // Candidates are read from their store (chunks): the first rows by cursor, the rest by getAll.
  watch(IDBObjectStore.prototype, 'openCursor', 'cursor');
  watch(IDBObjectStore.prototype, 'getAll', 'getAll');
  addEventListener('DOMContentLoaded', () => mark('DOMContentLoaded'));
  let lastHeight = '';
  const check = () => {
    if (!('header rendered' in state.marks) && document.querySelector('header')?.textContent)
      mark('header rendered');
    const list = document.querySelector('ul[aria-label="Candidates"]') as HTMLElement | null;
    if (!list) return;
    const rows = list.querySelectorAll(':scope > li').length;
    if (rows > state.maxRows) state.maxRows = rows;
    if (list.style.height !== lastHeight) {
      lastHeight = list.style.height;
      state.heights.push({ t: performance.now(), height: lastHeight });
    }
    if (state.inserted === null && rows > 0) {
      state.inserted = performance.now();
      list.querySelector('.row-name')?.setAttribute('elementtiming', 'first-row');
      requestAnimationFrame(() => {
        state.frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          state.painted = performance.now();
        };
        channel.port2.postMessage(0);
      });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style'],
  });
  const perf = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const e = entry as PerformanceEntry & { identifier?: string; renderTime?: number };
      if (e.entryType === 'element' && e.identifier === 'first-row') {
        state.elementRender = e.renderTime || e.startTime;
      }
      if (e.entryType === 'paint' && e.name === 'first-contentful-paint') {
        state.firstContentfulPaint = e.startTime;
      }
    }
  });
  for (const type of ['element', 'paint']) {
    try {
      perf.observe({ type, buffered: true });
    } catch {
      // Not supported by this browser: that figure stays null.
    }
  }
  state.stop = () => {
    observer.disconnect();
    perf.disconnect();
  };
}

async function probe(page: Page): Promise<Omit<ProbeState, 'stop'>> {
  return page.evaluate(() => {
    const { stop: _stop, ...rest } = (window as unknown as { __bench: ProbeState }).__bench;
    return JSON.parse(JSON.stringify(rest));
  });
}

/** The list's pixel height once all `count` rows are loaded. */
async function rowHeight(page: Page): Promise<number> {
  const h = await page
    .locator('ul[aria-label="Candidates"] > li')
    .first()
    .evaluate((li) => (li as HTMLElement).offsetHeight);
  return h;
}

export async function waitForAllRows(page: Page, count: number, timeout = 60_000) {
  const h = await rowHeight(page);
  await page.waitForFunction(
    (want) =>
      (document.querySelector('ul[aria-label="Candidates"]') as HTMLElement | null)?.style
        .height === want,
    `${count * h}px`,
    { timeout, polling: 50 },
  );
}

// ---------------------------------------------------------------------------------------------
// Worker instrumentation (pull and navigation)

interface FetchRecord {
  start: number;
  headers: number;
  end: number;
  candidates: boolean;
  bytes: number;
}
interface TxRecord {
  start: number;
  end: number;
  /** Candidates put in this transaction: > 0 for a page write. */
  puts: number;
  stores: string[];
}
interface NavRecord {
  kind: 'message' | 'stored';
  jobIds: (string | null)[];
  t: number;
}
interface WorkerProbe {
  fetches: FetchRecord[];
  txs: TxRecord[];
  nav: NavRecord[];
}

/**
 * Wraps the worker's `fetch` (the Linkup client takes `globalThis.fetch` when a pull builds
 * it) and IndexedDB's `transaction`/`put`, and listens to job reports and to the session
 * storage where the background keeps the tabs' jobs. Observes only: every call goes through.
 */
export async function instrumentWorker(worker: Worker) {
  await worker.evaluate(NAME_SHIM);
  await worker.evaluate(() => {
    const g = globalThis as unknown as {
      __benchProbe?: WorkerProbe;
      fetch: typeof fetch;
      chrome: {
        runtime: { onMessage: { addListener(fn: (m: unknown) => void): void } };
        storage: {
          session: {
            onChanged: {
              addListener(fn: (c: Record<string, { newValue?: unknown }>) => void): void;
            };
          };
        };
      };
    };
    if (g.__benchProbe) {
      g.__benchProbe.fetches.length = 0;
      g.__benchProbe.txs.length = 0;
      g.__benchProbe.nav.length = 0;
      return;
    }
    const state: WorkerProbe = { fetches: [], txs: [], nav: [] };
    g.__benchProbe = state;

    const originalFetch = g.fetch;
    g.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const rec: FetchRecord = {
        start: performance.now(),
        headers: 0,
        end: 0,
        candidates: typeof init?.body === 'string' && init.body.includes('"get_candidates"'),
        bytes: 0,
      };
      state.fetches.push(rec);
      const response = await originalFetch(input, init);
      rec.headers = performance.now();
      const text = response.text.bind(response);
      response.text = async () => {
        const body = await text();
        rec.end = performance.now();
        rec.bytes = body.length;
        return body;
      };
      return response;
    };

    const txOf = new WeakMap<IDBTransaction, TxRecord>();
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = transaction.apply(this, args);
      const [names, mode] = args;
      if (mode === 'readwrite') {
        const rec: TxRecord = {
          start: performance.now(),
          end: 0,
          puts: 0,
          stores: typeof names === 'string' ? [names] : [...names],
        };
        state.txs.push(rec);
        txOf.set(tx, rec);
        const end = () => {
          rec.end = performance.now();
        };
        tx.addEventListener('complete', end);
        tx.addEventListener('abort', end);
      }
      return tx;
    } as typeof IDBDatabase.prototype.transaction;
    const put = IDBObjectStore.prototype.put;
    // Arguments passed on as given: an explicit `undefined` key is not the same as none.
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'candidateChunks') {
        const rec = txOf.get(this.transaction);
        if (rec) rec.puts++;
      }
      return put.apply(this, args);
    };

    g.chrome.runtime.onMessage.addListener((message) => {
      const m = message as { type?: string; jobId?: string | null };
      if (m?.type === 'job-detected') {
        state.nav.push({ kind: 'message', jobIds: [m.jobId ?? null], t: Date.now() });
      }
      // Returns nothing: the background's own listener answers.
    });
    g.chrome.storage.session.onChanged.addListener((changes) => {
      const value = changes.tabJobs?.newValue as { tabs?: { jobId: string | null }[] } | null;
      if (value?.tabs) {
        state.nav.push({ kind: 'stored', jobIds: value.tabs.map((t) => t.jobId), t: Date.now() });
      }
    });
  });
}

export async function workerProbe(b: Bench): Promise<WorkerProbe> {
  const worker = await b.worker();
  return worker.evaluate(
    () => (globalThis as unknown as { __benchProbe: WorkerProbe }).__benchProbe,
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Pull

interface PullRun {
  wallMs: number;
  /** Until the panel lists every candidate (its reload after the pull). */
  listedMs: number | null;
  requests: number;
  candidateRequests: number;
  credits: number;
  pages: number;
  networkMs: number;
  /** Of networkMs: until the response headers arrived (the rest is reading the body). */
  headersMs: number;
  parseMs: number;
  writeMs: number;
  finishMs: number;
  otherMs: number;
  status: string;
}

/**
 * Pulls a job into an empty cache. `from: 'panel'` clicks Pull in a panel showing the job (the
 * panel reloads its list as pages land, as a user sees it); `from: 'background'` asks from the
 * options page, so no page reads the job meanwhile.
 */
export async function pull(
  b: Bench,
  mock: MockLinkup,
  jobId: string,
  count: number,
  from: 'panel' | 'background',
): Promise<PullRun> {
  const page =
    from === 'panel'
      ? await openPanel(b, `?jobId=${jobId}`)
      : await b.context.newPage().then(async (p) => {
          await p.goto(`chrome-extension://${b.extensionId}/options.html`);
          return p;
        });
  if (from === 'panel') {
    const button = page.getByRole('button', { name: /^Pull/ });
    await button.waitFor();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('button')].some(
          (el) => /^Pull/.test(el.textContent ?? '') && !el.disabled,
        ),
      undefined,
      { polling: 50 },
    );
  }
  await instrumentWorker(await b.worker());
  await page.waitForTimeout(300);
  mock.resetRequests();
  const result = await page.evaluate(
    async ({ jobId, from }) => {
      const chromeApi = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              onMessage: { addListener(fn: (m: unknown) => void): void };
              sendMessage(m: unknown): Promise<unknown>;
            };
          };
        }
      ).chrome;
      return new Promise<{ wallMs: number; status: string; start: number }>((done) => {
        const start = performance.now();
        chromeApi.runtime.onMessage.addListener((message) => {
          const m = message as { type?: string; pull?: { jobId: string; status: string } };
          if (m.type !== 'pull-progress' || m.pull?.jobId !== jobId) return;
          if (['done', 'failed', 'cancelled', 'paused'].includes(m.pull.status)) {
            done({ wallMs: performance.now() - start, status: m.pull.status, start });
          }
        });
        if (from === 'panel') {
          const button = [...document.querySelectorAll('button')].find((el) =>
            /^Pull/.test(el.textContent ?? ''),
          );
          button?.click();
        } else {
          void chromeApi.runtime.sendMessage({ type: 'pull', jobId });
        }
      });
    },
    { jobId, from },
  );
  let listedMs: number | null = null;
  if (from === 'panel') {
    await page.locator('ul[aria-label="Candidates"] > li').first().waitFor({ timeout: 60_000 });
    await waitForAllRows(page, count);
    listedMs = (await page.evaluate(() => performance.now())) - result.start;
  }
  const probe = await workerProbe(b);
  await page.close();

  const fetches = probe.fetches.filter((f) => f.candidates);
  const writes = probe.txs.filter((t) => t.puts > 0);
  const pageCount = Math.min(fetches.length, writes.length);
  let networkMs = 0;
  let headersMs = 0;
  let parseMs = 0;
  for (let i = 0; i < pageCount; i++) {
    const f = fetches[i] as FetchRecord;
    const w = writes[i] as TxRecord;
    networkMs += f.end - f.start;
    headersMs += f.headers - f.start;
    parseMs += Math.max(0, w.start - f.end);
  }
  const writeMs = writes.reduce((n, t) => n + (t.end - t.start), 0);
  const last = writes[writes.length - 1];
  const finish = probe.txs.filter((t) => t.puts === 0 && last && t.start >= last.end);
  const finishMs = finish.reduce((n, t) => n + (t.end - t.start), 0);
  const candidateRequests = mock.requests.filter((r) => r.action === 'get_candidates');
  return {
    wallMs: result.wallMs,
    listedMs,
    requests: mock.requests.length,
    candidateRequests: candidateRequests.length,
    credits: candidateRequests.reduce((n, r) => n + r.credits_consumed, 0),
    pages: pageCount,
    networkMs,
    headersMs,
    parseMs,
    writeMs,
    finishMs,
    otherMs: result.wallMs - networkMs - parseMs - writeMs - finishMs,
    status: result.status,
  };
}

// ---------------------------------------------------------------------------------------------
// 1 and 7. Opening the panel; heap

interface OpenRun {
  firstRowMs: number;
  insertedMs: number;
  frameMs: number;
  elementRenderMs: number | null;
  fcpMs: number | null;
  allRowsMs: number | null;
  maxRows: number;
  heapMB: number;
  heapTotalMB: number;
  marks: Record<string, number>;
}

export async function openRun(b: Bench, jobId: string, count: number): Promise<OpenRun> {
  const page = await openPanel(b, `?jobId=${jobId}`);
  await page.locator('ul[aria-label="Candidates"] > li').first().waitFor();
  await waitForAllRows(page, count);
  // Let the frame after the last rows settle, then read the probe.
  await page.waitForTimeout(300);
  const p = await probe(page);
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      'html received': n.responseEnd,
      'html parsed': n.domInteractive,
      'scripts run (DOMContentLoaded)': n.domContentLoadedEventStart,
    };
  });
  const h = await rowHeight(page);
  const all = p.heights.find((x) => x.height === `${count * h}px`);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();
  await page.close();
  if (p.inserted === null || p.painted === null || p.frame === null) {
    throw new Error('The panel never rendered a candidate row');
  }
  return {
    firstRowMs: p.painted,
    insertedMs: p.inserted,
    frameMs: p.frame,
    elementRenderMs: p.elementRender,
    fcpMs: p.firstContentfulPaint,
    allRowsMs: all?.t ?? null,
    maxRows: p.maxRows,
    heapMB: heap.usedSize / 1e6,
    heapTotalMB: heap.totalSize / 1e6,
    marks: { ...nav, ...p.marks },
  };
}

/** An empty page of the extension: the floor under any panel figure on this machine. */
const BLANK_PAGE = 'bench-blank.html';

async function blankRun(b: Bench): Promise<number> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/${BLANK_PAGE}`);
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await page.close();
  return fcp;
}

// ---------------------------------------------------------------------------------------------
// 2. Keystrokes

interface KeyRecord {
  key: string;
  /** keydown's timeStamp: when the browser took the key. */
  t0: number;
  /** The input event reached the page (capture listener on window, before the field's). */
  input: number;
  /** The input event's task (handlers and the list's render) has finished. */
  updated: number;
  /** The next animation frame began ... */
  frame: number;
  /** ... and its rendering ended. */
  painted: number;
  matching: string;
  rows: number;
}

export async function keystrokes(page: Page, n: number): Promise<KeyRecord[]> {
  const search = page.getByRole('searchbox', { name: 'Search candidates' });
  await search.fill('');
  await search.focus();
  await page.evaluate(() => {
    const w = window as unknown as { __keys?: KeyRecord[]; __keysInstalled?: boolean };
    w.__keys = [];
    if (w.__keysInstalled) return;
    w.__keysInstalled = true;
    let pending: KeyRecord | null = null;
    addEventListener(
      'keydown',
      (e) => {
        pending = {
          key: e.key,
          t0: e.timeStamp,
          input: 0,
          updated: 0,
          frame: 0,
          painted: 0,
          matching: '',
          rows: 0,
        };
        w.__keys?.push(pending);
      },
      true,
    );
    // Capture phase: runs before the field's own handler; the posted message runs after the
    // whole task (the handler and Preact's render, which is a microtask) has finished.
    addEventListener(
      'input',
      () => {
        const rec = pending;
        if (!rec) return;
        pending = null;
        rec.input = performance.now();
        const after = new MessageChannel();
        after.port1.onmessage = () => {
          rec.updated = performance.now();
          rec.matching = document.querySelector('[aria-live="polite"]')?.textContent ?? '';
          rec.rows = document.querySelectorAll('ul[aria-label="Candidates"] > li').length;
          requestAnimationFrame(() => {
            rec.frame = performance.now();
            const painted = new MessageChannel();
            painted.port1.onmessage = () => {
              rec.painted = performance.now();
            };
            painted.port2.postMessage(0);
          });
        };
        after.port2.postMessage(0);
      },
      true,
    );
  });
  for (let i = 0; i < n; i++) {
    // The query letter by letter, then deleted key by key, and again.
    const pos = i % (QUERY.length * 2);
    const k = pos < QUERY.length ? (QUERY[pos] as string) : 'Backspace';
    await page.keyboard.press(k === ' ' ? 'Space' : k);
    await page.waitForFunction(
      (i) => ((window as unknown as { __keys: KeyRecord[] }).__keys[i]?.painted ?? 0) > 0,
      i,
      { polling: 'raf', timeout: 10_000 },
    );
    // A fast typist: about ten keys a second.
    await page.waitForTimeout(80);
  }
  const records = await page.evaluate(() => (window as unknown as { __keys: KeyRecord[] }).__keys);
  await search.fill('');
  return records;
}

// ---------------------------------------------------------------------------------------------
// 3. Scrolling

interface ScrollRun {
  maxRows: number;
  maxElements: number;
  frames: number;
  longFrames: number;
  droppedFrames: number;
  worstFrameMs: number;
  durationMs: number;
  reachedEnd: boolean;
}

export async function scrollRun(page: Page, frames: number): Promise<ScrollRun> {
  return page.evaluate(
    async ({ frames, longFrame }) => {
      const scroller = document.querySelector('.vlist-scroll') as HTMLElement;
      const list = scroller.querySelector('ul') as HTMLElement;
      const raf = () =>
        new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      scroller.scrollTop = 0;
      await raf();
      await raf();
      let maxRows = list.childElementCount;
      let maxElements = list.getElementsByTagName('*').length;
      const observer = new MutationObserver(() => {
        maxRows = Math.max(maxRows, list.childElementCount);
      });
      observer.observe(list, { childList: true });
      const end = scroller.scrollHeight - scroller.clientHeight;
      const step = end / frames;
      const times: number[] = [];
      let last = await raf();
      const start = last;
      while (scroller.scrollTop < end - 1) {
        scroller.scrollTop = Math.min(end, scroller.scrollTop + step);
        const now = await raf();
        times.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, list.childElementCount);
        maxElements = Math.max(maxElements, list.getElementsByTagName('*').length);
        if (times.length > frames * 20) break;
      }
      // The last position's rows.
      await raf();
      await raf();
      observer.disconnect();
      maxRows = Math.max(maxRows, list.childElementCount);
      const frameMs = 1000 / 60;
      const long = times.filter((t) => t > longFrame);
      return {
        maxRows,
        maxElements,
        frames: times.length,
        longFrames: long.length,
        droppedFrames: long.reduce((n, t) => n + Math.round(t / frameMs) - 1, 0),
        worstFrameMs: Math.max(...times),
        durationMs: last - start,
        reachedEnd: scroller.scrollTop >= end - 1,
      };
    },
    { frames, longFrame: LONG_FRAME_MS },
  );
}

// ---------------------------------------------------------------------------------------------
// 5. In-page navigation

interface NavRun {
  to: string;
  /** The content script's report reached the background. */
  messageMs: number;
  /** The background stored the tab's new job (session storage changed). */
  storedMs: number;
  /** A panel in the same window shows the job in its header. */
  panelMs: number | null;
}

export async function navigationRuns(b: Bench, runs: number): Promise<NavRun[]> {
  const linkedin = await b.context.newPage();
  await linkedin.goto(`https://www.linkedin.com/jobs/view/${LINKEDIN_A.jobId}/`);
  const panel = await openPanel(b);
  await panel.locator('header').filter({ hasText: LINKEDIN_A.jobId }).waitFor();
  await panel.evaluate(() => {
    const w = window as unknown as { __header: { t: number; text: string }[] };
    w.__header = [];
    const header = document.querySelector('header') as HTMLElement;
    new MutationObserver(() => {
      w.__header.push({ t: Date.now(), text: header.textContent ?? '' });
    }).observe(header, { childList: true, subtree: true, characterData: true });
  });
  const worker = await b.worker();
  await instrumentWorker(worker);
  const out: NavRun[] = [];
  for (let i = 0; i < runs * 2; i++) {
    const to = i % 2 === 0 ? LINKEDIN_B : LINKEDIN_A;
    await worker.evaluate(() => {
      (globalThis as unknown as { __benchProbe: WorkerProbe }).__benchProbe.nav.length = 0;
    });
    await panel.evaluate(() => {
      (window as unknown as { __header: unknown[] }).__header.length = 0;
    });
    // The fake page's link handler calls history.pushState, as LinkedIn's router does.
    const t0 = await linkedin.evaluate((name) => {
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent === name);
      const t = Date.now();
      link?.click();
      return t;
    }, to.link);
    const deadline = Date.now() + 10_000;
    let run: NavRun | null = null;
    while (Date.now() < deadline) {
      const nav = (await workerProbe(b)).nav;
      const message = nav.find((n) => n.kind === 'message' && n.jobIds.includes(to.jobId));
      const stored = nav.find((n) => n.kind === 'stored' && n.jobIds.includes(to.jobId));
      const header = await panel.evaluate(
        () => (window as unknown as { __header: { t: number; text: string }[] }).__header,
      );
      const shown = header.find((h) => h.text.includes(to.jobId));
      if (message && stored && shown) {
        run = {
          to: to.jobId,
          messageMs: message.t - t0,
          storedMs: stored.t - t0,
          panelMs: shown.t - t0,
        };
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    if (!run) throw new Error(`The background never learned of job ${to.jobId}`);
    out.push(run);
    // Past the fake page's title update (50 ms after the URL).
    await linkedin.waitForTimeout(300);
  }
  await panel.close();
  await linkedin.close();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Machine

function machine() {
  const cpus = os.cpus();
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: chromiumVersion,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

// ---------------------------------------------------------------------------------------------
// Output

function fmt(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return '-';
  switch (unit) {
    case 'ms':
    case 'ms/1k':
      return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'kB':
      return `${value.toFixed(1)} kB`;
    case '%':
      return `${value.toFixed(1)} %`;
    default:
      return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
  }
}

function table(list: Figure[]): string {
  const rows = [['figure', 'median', 'spread', 'target', 'result']];
  for (const f of list) {
    const spread =
      f.samples.length <= 1
        ? ''
        : `${fmt(f.min, f.unit)} – ${fmt(f.max, f.unit)}, p95 ${fmt(f.p95, f.unit)} (n=${f.samples.length})`;
    const target = f.target
      ? `${f.target.on === 'median' ? '' : `${f.target.on} `}< ${fmt(f.target.below, f.unit)}`
      : '';
    rows.push([
      f.label,
      fmt(f.median, f.unit),
      spread,
      target,
      f.pass === null ? '' : f.pass ? 'pass' : 'MISS',
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      keystrokes: { type: 'string', default: '20' },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string', default: join(ROOT, 'bench-results', 'latest.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const runs = Number(values.runs);
  const keyCount = Number(values.keystrokes);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(keyCount) || keyCount < 1) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const log = (s: string) => console.log(`· ${s}`);
  const started = Date.now();
  const info = machine();

  if (!values['no-build']) {
    log('building the extension (wxt build)');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('wxt build failed');
  }
  // Another build during the run (tests, a watcher) must not change what is measured.
  const extDir = mkdtempSync(join(os.tmpdir(), 'ap-bench-ext-'));
  cpSync(BUILDS.chrome, extDir, { recursive: true });

  // 6. Bundle sizes.
  const sizes: BuildSize = measureBuild(extDir, 'chrome-mv3');
  writeFileSync(
    join(extDir, BLANK_PAGE),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Blank</title><p>Blank</p>',
  );
  details.bundle = sizes;
  const entry = (kind: string) => sizes.entries.find((e) => e.kind === kind);
  const sizeTargets: Record<string, number> = { content: 6, background: 30, sidepanel: 40 };
  const sizeLabels: Record<string, string> = {
    content: 'content script',
    background: 'background',
    sidepanel: 'side panel JS (incl. chunks)',
    options: 'options JS (incl. chunks)',
  };
  const sizeFigures: Figure[] = [];
  for (const kind of ['content', 'background', 'sidepanel', 'options']) {
    const e = entry(kind);
    if (!e) continue;
    const t = sizeTargets[kind];
    sizeFigures.push(
      figure(
        `size.${kind}.gzip`,
        `6. ${sizeLabels[kind]}, gzip (raw ${kB(e.jsRaw)})`,
        'kB',
        [e.jsGzip / 1000],
        t === undefined ? null : { below: t, on: 'median' },
      ),
    );
  }
  sizeFigures.push(
    figure(
      'size.total.gzip',
      `6. all JS, gzip (raw ${kB(sizes.totalJs.raw)}; whole build ${kB(sizes.totalAll.gzip)} gz)`,
      'kB',
      [sizes.totalJs.gzip / 1000],
    ),
  );

  log('starting the Linkup mock (no latency, jobs warmed, HTTPS for api.linkupapi.com)');
  const mock = await startMockLinkup({
    latencyMs: 0,
    warm: true,
    credits: 10_000_000,
    jobSizes: { [JOB_1K]: 1000 },
    tls: selfSignedCertificate(['api.linkupapi.com']),
  });

  let bench: Bench | null = null;
  try {
    // 4. Pulls, each into a fresh profile (an empty cache).
    const pullRuns: { panel: PullRun[]; background: PullRun[] } = { panel: [], background: [] };
    for (const from of ['background', 'panel'] as const) {
      for (let i = 0; i < runs; i++) {
        log(`pull 10,000 (${from}) run ${i + 1}/${runs}`);
        const b = await launch(extDir, mock);
        try {
          await configure(b);
          const run = await pull(b, mock, JOB_10K, 10_000, from);
          if (run.status !== 'done') throw new Error(`pull ended ${run.status}`);
          pullRuns[from].push(run);
        } finally {
          // The last profile (pulled from a panel) stays for the panel figures.
          if (from === 'panel' && i === runs - 1) bench = b;
          else await b.close();
        }
      }
    }
    details.pull = pullRuns;
    const b = bench as Bench | null;
    if (!b) throw new Error('no browser left for the panel figures');

    log('pull 1,000 (panel), to seed the 1,000 job');
    details.pull1k = await pull(b, mock, JOB_1K, 1000, 'panel');

    // 1 and 7. Opening the panel, after the floor: an empty extension page.
    await blankRun(b);
    const blanks: number[] = [];
    for (let i = 0; i < runs; i++) blanks.push(await blankRun(b));
    details.blankPage = blanks;
    const opens: Record<string, OpenRun[]> = {};
    for (const [jobId, count] of [
      [JOB_1K, 1000],
      [JOB_10K, 10_000],
    ] as const) {
      // One unmeasured open first: code caches and the database file are warm afterwards.
      await openRun(b, jobId, count);
      opens[count] = [];
      for (let i = 0; i < runs; i++) {
        log(`open panel at ${count.toLocaleString('en-US')} run ${i + 1}/${runs}`);
        opens[count]?.push(await openRun(b, jobId, count));
      }
    }
    details.open = opens;

    // 2 and 3 on one panel at 10,000.
    const page = await openPanel(b, `?jobId=${JOB_10K}`);
    await waitForAllRows(page, 10_000);
    await page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench.stop());
    await page.waitForTimeout(500);
    const keys: KeyRecord[][] = [];
    for (let i = 0; i < runs; i++) {
      log(`keystrokes at 10,000 run ${i + 1}/${runs}`);
      keys.push(await keystrokes(page, keyCount));
      await page.waitForTimeout(300);
    }
    details.keystrokes = keys;
    const scrolls: ScrollRun[] = [];
    for (let i = 0; i < runs; i++) {
      log(`scroll through 10,000 run ${i + 1}/${runs}`);
      scrolls.push(await scrollRun(page, SCROLL_FRAMES));
    }
    details.scroll = scrolls;
    await page.close();

    const page1k = await openPanel(b, `?jobId=${JOB_1K}`);
    await waitForAllRows(page1k, 1000);
    await page1k.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench.stop());
    log('scroll through 1,000');
    const scroll1k = await scrollRun(page1k, 100);
    details.scroll1k = scroll1k;
    await page1k.close();

    // 5. Navigation.
    log(`in-page navigation x${runs * 2}`);
    const navs = await navigationRuns(b, runs);
    details.navigation = navs;

    // ---- figures, in the issue's order
    const o1k = opens[1000] ?? [];
    const o10k = opens[10_000] ?? [];
    add(
      figure(
        'open.blank.firstPaint',
        '1. floor: an empty extension page, first paint',
        'ms',
        blanks,
      ),
    );
    add(
      figure(
        'open.10k.scriptsRun',
        '1.   10,000: panel scripts loaded and run (DOMContentLoaded)',
        'ms',
        o10k.map((r) => r.marks['scripts run (DOMContentLoaded)'] ?? Number.NaN),
      ),
    );
    add(
      figure(
        'open.1k.firstRow',
        '1. open panel, 1,000: first row painted',
        'ms',
        o1k.map((r) => r.firstRowMs),
      ),
    );
    add(
      figure(
        'open.10k.firstRow',
        '1. open panel, 10,000: first row painted',
        'ms',
        o10k.map((r) => r.firstRowMs),
        { below: 100, on: 'median' },
        'navigation start to the end of the first frame after the first row was inserted',
      ),
    );
    add(
      figure(
        'open.10k.elementTiming',
        '1.   10,000: first row name, Element Timing renderTime',
        'ms',
        o10k.map((r) => r.elementRenderMs ?? Number.NaN),
      ),
    );
    add(
      figure(
        'open.10k.allRows',
        '1.   10,000: all rows loaded (searchable)',
        'ms',
        o10k.map((r) => r.allRowsMs ?? Number.NaN),
      ),
    );
    const allKeys = keys.flat();
    add(
      figure(
        'search.10k.keystroke',
        '2. keystroke at 10,000: input handled, list rendered, frame drawn',
        'ms',
        allKeys.map((k) => k.updated - k.input + (k.painted - k.frame)),
        { below: 16, on: 'p95' },
        'input event to the end of its task (handler, filter, Preact render), plus the rendering work of the next frame; the wait for that frame is left out',
      ),
    );
    add(
      figure(
        'search.10k.inputTask',
        '2.   input event to list updated (JS only)',
        'ms',
        allKeys.map((k) => k.updated - k.input),
      ),
    );
    add(
      figure(
        'search.10k.keystrokeToPaint',
        '2.   keydown to next frame drawn (incl. browser input routing and vsync wait)',
        'ms',
        allKeys.map((k) => k.painted - k.t0),
      ),
    );
    add(
      figure(
        'scroll.10k.maxRows',
        '3. scroll 10,000: most row elements in the DOM',
        'count',
        scrolls.map((s) => s.maxRows),
        { below: 100, on: 'max' },
      ),
    );
    add(
      figure(
        'rows.anySize.maxRows',
        '3.   most rows in the DOM at any size (open 1k/10k, scroll 1k/10k, search)',
        'count',
        [
          ...o1k.map((r) => r.maxRows),
          ...o10k.map((r) => r.maxRows),
          scroll1k.maxRows,
          ...scrolls.map((s) => s.maxRows),
          ...allKeys.map((k) => k.rows),
        ],
        { below: 100, on: 'max' },
      ),
    );
    add(
      figure(
        'scroll.10k.longFrames',
        `3.   long frames (> ${LONG_FRAME_MS.toFixed(0)} ms) per scroll of ${SCROLL_FRAMES} frames`,
        'count',
        scrolls.map((s) => s.longFrames),
      ),
    );
    add(
      figure(
        'scroll.10k.droppedFrames',
        '3.   dropped frames per scroll (frames skipped in long intervals)',
        'count',
        scrolls.map((s) => s.droppedFrames),
      ),
    );
    add(
      figure(
        'scroll.10k.worstFrame',
        '3.   worst frame interval during the scroll',
        'ms',
        scrolls.map((s) => s.worstFrameMs),
      ),
    );
    for (const from of ['panel', 'background'] as const) {
      const rs = pullRuns[from];
      const where = from === 'panel' ? 'panel open' : 'no page reading';
      add(
        figure(
          `pull.10k.${from}.wall`,
          `4. pull 10,000 (${where}): wall time`,
          'ms',
          rs.map((r) => r.wallMs),
          { below: 2000, on: 'median' },
        ),
      );
      add(
        figure(
          `pull.10k.${from}.writePer1k`,
          `4.   IndexedDB write per 1,000 (${where})`,
          'ms/1k',
          rs.map((r) => r.writeMs / 10),
          null,
          'page transactions, created to complete, in the worker',
        ),
      );
      add(
        figure(
          `pull.10k.${from}.network`,
          `4.   fetch from the mock, HTTPS on loopback (${where})`,
          'ms',
          rs.map((r) => r.networkMs),
        ),
      );
      add(
        figure(
          `pull.10k.${from}.parse`,
          `4.   JSON + zod between fetch and write (${where})`,
          'ms',
          rs.map((r) => r.parseMs),
        ),
      );
      add(
        figure(
          `pull.10k.${from}.other`,
          `4.   rest: finish, progress, gaps (${where})`,
          'ms',
          rs.map((r) => r.otherMs),
        ),
      );
    }
    add(
      figure(
        'pull.10k.panel.listed',
        '4.   pull 10,000 (panel open): click to all rows listed',
        'ms',
        pullRuns.panel.map((r) => r.listedMs ?? Number.NaN),
      ),
    );
    const allPulls = [...pullRuns.panel, ...pullRuns.background];
    add(
      figure(
        'pull.10k.requests',
        '4.   requests per pull (get_candidates / all)',
        'count',
        allPulls.map((r) => r.candidateRequests),
        null,
        `all requests incl. credits: ${[...new Set(allPulls.map((r) => r.requests))].join(', ')}`,
      ),
    );
    add(
      figure(
        'pull.10k.credits',
        '4.   credits per pull',
        'credits',
        allPulls.map((r) => r.credits),
      ),
    );
    add(
      figure(
        'nav.stored',
        '5. navigation: pushState to background stored the job',
        'ms',
        navs.map((n) => n.storedMs),
        { below: 100, on: 'median' },
        'Date.now() in the page before pushState; session-storage onChanged in the worker',
      ),
    );
    add(
      figure(
        'nav.message',
        '5.   pushState to the report reaching the worker',
        'ms',
        navs.map((n) => n.messageMs),
      ),
    );
    add(
      figure(
        'nav.panel',
        '5.   pushState to a panel header showing the job',
        'ms',
        navs.map((n) => n.panelMs ?? Number.NaN),
      ),
    );
    for (const f of sizeFigures) add(f);
    add(
      figure(
        'heap.10k',
        '7. panel JS heap, 10,000 (after GC)',
        'MB',
        o10k.map((r) => r.heapMB),
        { below: 50, on: 'median' },
        'CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage().usedSize',
      ),
    );
    add(
      figure(
        'heap.1k',
        '7.   panel JS heap, 1,000 (after GC)',
        'MB',
        o1k.map((r) => r.heapMB),
      ),
    );
  } finally {
    const b = bench as Bench | null;
    if (b) await b.close();
    await mock.close();
    rmSync(extDir, { recursive: true, force: true });
  }

  const output = {
    date: new Date(started).toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    machine: { ...info, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    runs,
    keystrokesPerRun: keyCount,
    viewport: PANEL_VIEWPORT,
    figures,
    details,
  };
  const out = resolve(values.out);
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(output, null, 2)}\n`);

  console.log('');
  console.log(
    `Applicant Panel benchmark · ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB · ${info.chromium} (headless) · node ${info.node} · load ${info.loadAverageAtStart.join(' ')}`,
  );
  console.log(`${runs} runs; spread is min – max over all samples\n`);
  console.log(table(figures));
  const missed = figures.filter((f) => f.pass === false);
  console.log(
    `\n${figures.filter((f) => f.pass).length} targets met, ${missed.length} missed. JSON: ${relative(ROOT, out)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
