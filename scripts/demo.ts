/**
 * `npm run demo [-- --headless] [--no-build] [--out DIR] [--latency MS]`
 *
 * Shows Applicant Panel working end to end with no Linkup key and no network: builds the demo
 * variant (`wxt build --mode demo`, which calls the bundled Linkup mock on 127.0.0.1:47831),
 * starts that mock in this process, launches Chromium with the extension, serves fake LinkedIn
 * pages, configures the extension, pulls the 350 applicants of the demo job and screenshots
 * each step. Headless (no display, or `--headless`) it then exits; headed it leaves the browser
 * open to click around and cleans up when the browser closes or on Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Worker,
} from '@playwright/test';
import { extensionArgs, routeFakeLinkedIn } from '../tests/fixtures/chromium';
import { jobTitle } from '../tests/fixtures/linkedin';
import { getJobCandidates, type RawCandidate } from '../tests/mock-linkup/data';
import {
  DEFAULT_CREDITS,
  DEFAULT_MOCK_PORT,
  DEMO_ACCOUNT_ID,
  DEMO_JOB_ID,
  type MockLinkup,
  startMockLinkup,
} from '../tests/mock-linkup/server';

const ROOT = resolve(import.meta.dirname, '..');
/** Where the user typed the command (`npm run` changes into the repo). */
const USER_CWD = process.env.INIT_CWD ?? process.cwd();
const BUILD_DIR = join(ROOT, '.output', 'chrome-mv3-demo');
/** The address `wxt.config.ts` compiles into the demo build. */
const MOCK_ORIGIN = `http://127.0.0.1:${DEFAULT_MOCK_PORT}`;
const DEMO_KEY = 'demo-key';
const JOB_URL = `https://www.linkedin.com/jobs/view/${DEMO_JOB_ID}/`;
const FEED_URL = 'https://www.linkedin.com/feed/';
const PANEL_VIEWPORT = { width: 400, height: 800 };
const OPTIONS_VIEWPORT = { width: 1000, height: 800 };
const SCREENSHOTS = [
  'options-test-connection.png',
  'options.png',
  'panel-before-pull.png',
  'panel-pulling.png',
  'panel-pulled.png',
  'panel-search.png',
  'panel-detail.png',
  'panel-jobs.png',
  'failure.png',
] as const;
type ScreenshotName = (typeof SCREENSHOTS)[number];

const USAGE = `Usage: npm run demo -- [--headless] [--no-build] [--out DIR] [--latency MS]

  --headless   run without a window even when a display is available, then exit
  --no-build   reuse .output/chrome-mv3-demo instead of running \`wxt build --mode demo\`
  --out DIR    where to write the screenshots (default: demo-screenshots/ in the repo)
  --latency MS delay every mock Linkup answer, so the pull's progress is visible (default 300)

Environment: CHROMIUM_PATH (default /usr/bin/chromium).`;

/** A failure already put in plain words: printed as is, without a stack. */
class DemoError extends Error {}

/** Wraps a failure with the step it happened in. */
class StepError extends Error {
  constructor(step: string, reason: unknown) {
    super(`${step}: ${messageOf(reason)}`);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof DemoError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  // Playwright messages end with a long call log: keep the first lines, which say what failed.
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.slice(0, 6).join('\n    ');
}

interface Options {
  build: boolean;
  headless: boolean;
  out: string;
  latencyMs: number;
}

function parseOptions(): Options {
  let values: {
    headless?: boolean;
    'no-build'?: boolean;
    out?: string;
    latency?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        headless: { type: 'boolean' },
        'no-build': { type: 'boolean' },
        out: { type: 'string' },
        latency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const latencyMs = values.latency === undefined ? 300 : Number(values.latency);
  if (!Number.isInteger(latencyMs) || latencyMs < 0) {
    console.error(`--latency must be an integer >= 0, got ${values.latency}\n\n${USAGE}`);
    process.exit(2);
  }
  const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return {
    build: !values['no-build'],
    headless: !!values.headless || !hasDisplay,
    out: values.out ? resolve(USER_CWD, values.out) : join(ROOT, 'demo-screenshots'),
    latencyMs,
  };
}

let stepNumber = 0;
async function step<T>(title: string, run: () => Promise<T>): Promise<T> {
  stepNumber += 1;
  console.log(`\n[${stepNumber}] ${title}`);
  try {
    return await run();
  } catch (error) {
    throw new StepError(`Step ${stepNumber} (${title}) failed`, error);
  }
}

/** A path as short as it can be said: relative when under the user's folder. */
function shown(path: string): string {
  const rel = relative(USER_CWD, path);
  return !rel || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function info(line: string) {
  console.log(`    ${line}`);
}

function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new DemoError(
      process.env.CHROMIUM_PATH
        ? `CHROMIUM_PATH points to ${path}, which does not exist. Set it to a Chromium binary.`
        : 'Chromium was not found at /usr/bin/chromium. Install it (Debian/Ubuntu: ' +
            '`sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary ' +
            '(branded Google Chrome 137+ cannot load unpacked extensions from the command line).',
    );
  }
  return path;
}

function runBuild(): Promise<void> {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  return new Promise((resolvePromise, reject) => {
    const child = spawn(npx, ['wxt', 'build', '--mode', 'demo'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (error) =>
      reject(new DemoError(`could not run \`npx wxt build --mode demo\`: ${error.message}`)),
    );
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new DemoError(
            `\`npx wxt build --mode demo\` ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}; see its output above.`,
          ),
        );
    });
  });
}

function checkBuild(built: boolean) {
  const manifestPath = join(BUILD_DIR, 'manifest.json');
  const again = built ? '' : ' Run `npm run build:demo`, or run the demo without --no-build.';
  if (!existsSync(manifestPath)) {
    throw new DemoError(`${relative(ROOT, BUILD_DIR)} has no manifest.json.${again}`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
  };
  if (!manifest.host_permissions?.includes(`${MOCK_ORIGIN}/*`)) {
    throw new DemoError(
      `${relative(ROOT, BUILD_DIR)} is not a demo build (it cannot reach the mock at ${MOCK_ORIGIN}).${again}`,
    );
  }
}

async function startMock(latencyMs: number): Promise<MockLinkup> {
  try {
    return await startMockLinkup({ port: DEFAULT_MOCK_PORT, latencyMs, warm: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DemoError(
        `port ${DEFAULT_MOCK_PORT} on 127.0.0.1 is already in use (another demo, or \`npm run mock-api\`?). ` +
          'The demo build calls the mock at that fixed address: stop whatever listens there ' +
          `(\`lsof -i :${DEFAULT_MOCK_PORT}\` shows it) and run the demo again.`,
      );
    }
    throw new DemoError(`the Linkup mock could not start: ${(error as Error).message}`);
  }
}

/** The company most of the demo job's applicants work or worked at: a search with results. */
function popularCompany(): string {
  const counts = new Map<string, number>();
  for (const record of getJobCandidates(DEMO_JOB_ID)) {
    const experiences = (record as RawCandidate).experiences;
    if (!Array.isArray(experiences)) continue;
    const companies = new Set(experiences.map((e) => e.company).filter((c) => !!c));
    for (const c of companies) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best?.[0] ?? 'Spotify';
}

async function waitVisible(locator: Locator, what: string, timeoutMs = 15_000, page?: Page) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const alerts = page ? await alertsOf(page) : '';
    throw new DemoError(
      `${what} did not show within ${timeoutMs / 1000} s.${alerts ? ` The page says: ${alerts}` : ''}`,
    );
  }
}

/** The text of the first match, or '' when there is none within 2 s. */
async function textOf(locator: Locator): Promise<string> {
  const text = await locator
    .first()
    .textContent({ timeout: 2_000 })
    .catch(() => '');
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

async function alertsOf(page: Page): Promise<string> {
  try {
    // The alert's own text, without its "×" (Dismiss) button.
    const texts = await page.locator('[role=alert] span, [role=status]').allTextContents();
    return texts
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' / ');
  } catch {
    return '';
  }
}

/** The subset of the extension API the demo drives from extension pages and the worker. */
interface ChromeApi {
  tabs: {
    query(q: { url: string }): Promise<{ index: number; windowId: number }[]>;
    create(p: {
      url: string;
      windowId?: number;
      index?: number;
      active: boolean;
    }): Promise<unknown>;
  };
  sidePanel?: { open(o: { windowId: number }): Promise<void> };
}

/** The extension's service worker (Playwright keeps it running while attached). */
async function extensionWorker(ctx: BrowserContext): Promise<Worker> {
  const running = ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (running) return running;
  try {
    return await ctx.waitForEvent('serviceworker', { timeout: 15_000 });
  } catch {
    throw new DemoError('the extension did not load: its service worker never started.');
  }
}

interface Session {
  context: BrowserContext;
  extensionId: string;
  linkedin: Page;
  options?: Page;
  panel?: Page;
  jobsPanel?: Page;
  /** The page the current step works in, for a screenshot when it fails. */
  focus?: Page;
}

async function main() {
  const options = parseOptions();
  const started = Date.now();
  const shots = new Map<ScreenshotName, string>();
  const notes: string[] = [];
  let mock: MockLinkup | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  let session: Session | undefined;
  let cleaning: Promise<void> | undefined;

  const cleanup = () => {
    cleaning ??= (async () => {
      await context?.close().catch(() => {});
      await mock?.close().catch(() => {});
      if (profile) rmSync(profile, { recursive: true, force: true });
    })();
    return cleaning;
  };
  // Last resort when the process ends some other way: the profile is a temp folder.
  process.on('exit', () => {
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\n${signal}: closing the browser and the Linkup mock…`);
    void cleanup().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const shoot = async (page: Page, name: ScreenshotName) => {
    const path = join(options.out, name);
    await page.screenshot({ path });
    shots.set(name, path);
    info(`screenshot ${shown(path)}`);
  };

  console.log(
    `Applicant Panel demo (${options.headless ? 'headless' : 'headed'}). Nothing leaves this machine: Linkup is a local mock, LinkedIn pages are fakes.`,
  );

  try {
    const executablePath = chromiumPath();

    await step(
      options.build ? 'Build the demo extension (wxt build --mode demo)' : 'Check the demo build',
      async () => {
        if (options.build) await runBuild();
        checkBuild(options.build);
        info(`extension: ${relative(ROOT, BUILD_DIR)}`);
      },
    );

    mock = await step(`Start the Linkup mock on ${MOCK_ORIGIN}`, async () => {
      const server = await startMock(options.latencyMs);
      info(`listening on ${server.url} (API key ${DEMO_KEY}, account ${DEMO_ACCOUNT_ID})`);
      info(`${server.credits.toLocaleString('en-US')} credits, ${options.latencyMs} ms latency`);
      return server;
    });

    mkdirSync(options.out, { recursive: true });
    for (const name of SCREENSHOTS) rmSync(join(options.out, name), { force: true });

    session = await step('Launch Chromium with the extension', async () => {
      profile = mkdtempSync(join(tmpdir(), 'applicant-panel-demo-'));
      try {
        context = await chromium.launchPersistentContext(profile, {
          executablePath,
          headless: options.headless,
          // Headed: the window keeps its natural size; every screenshot sets its own viewport.
          viewport: options.headless ? OPTIONS_VIEWPORT : null,
          ignoreDefaultArgs: ['--disable-extensions'],
          // Nothing resolves but loopback: no request can leave the machine.
          args: extensionArgs(BUILD_DIR),
        });
      } catch (error) {
        throw new DemoError(
          `Chromium (${executablePath}) did not start: ${messageOf(error)}` +
            (options.headless
              ? ''
              : '\n    Without a usable display, try `npm run demo -- --headless`.'),
        );
      }
      const ctx = context;
      // LinkedIn itself is never contacted: every LinkedIn URL gets a fake page.
      await routeFakeLinkedIn(ctx);
      const worker = await extensionWorker(ctx);
      const extensionId = new URL(worker.url()).host;
      info(`extension ${extensionId} loaded`);
      const linkedin = ctx.pages()[0] ?? (await ctx.newPage());
      return { context: ctx, extensionId, linkedin };
    });
    const s = session;
    const extUrl = (path: string) => `chrome-extension://${s.extensionId}/${path}`;

    /** Opens an extension page as a tab right after the LinkedIn tab, in its window. */
    const openTabNextToLinkedIn = async (path: string): Promise<Page> => {
      const worker = await extensionWorker(s.context);
      const created = s.context.waitForEvent('page', { timeout: 15_000 });
      await worker.evaluate(async (url) => {
        const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const [tab] = await api.tabs.query({ url: 'https://www.linkedin.com/*' });
        await api.tabs.create({
          url,
          windowId: tab?.windowId,
          index: tab ? tab.index + 1 : undefined,
          active: true,
        });
      }, extUrl(path));
      const page = await created;
      await page.waitForLoadState('domcontentloaded');
      return page;
    };

    await step('Open the demo job on (fake) LinkedIn', async () => {
      s.focus = s.linkedin;
      await s.linkedin.goto(JOB_URL);
      await waitVisible(
        s.linkedin.getByRole('heading', { name: jobTitle(DEMO_JOB_ID) }),
        'The job page',
      );
      info(`${JOB_URL} (${await s.linkedin.title()})`);
    });

    const balanceText = await step('Configure the extension in its options page', async () => {
      const page = await openTabNextToLinkedIn('options.html');
      s.options = page;
      s.focus = page;
      await page.setViewportSize(OPTIONS_VIEWPORT);
      await waitVisible(
        page.getByLabel('API key', { exact: true }),
        'The options form',
        15_000,
        page,
      );
      await page.getByLabel('API key', { exact: true }).fill(DEMO_KEY);
      await page.getByLabel('Account ID', { exact: true }).fill(DEMO_ACCOUNT_ID);
      info(`entered API key ${DEMO_KEY} and account ${DEMO_ACCOUNT_ID}`);
      await page.getByRole('button', { name: 'Test connection' }).click();
      const status = page.getByRole('status');
      const failed = page.locator('.status.error');
      await waitVisible(
        status.filter({ hasText: /balance is/ }).or(failed),
        'The balance after "Test connection"',
        15_000,
        page,
      );
      if (await failed.isVisible()) {
        throw new DemoError(`"Test connection" failed. The page says: ${await textOf(failed)}`);
      }
      const tested = await textOf(status);
      info(`Test connection: ${tested}`);
      await shoot(page, 'options-test-connection.png');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await waitVisible(status.filter({ hasText: 'Saved.' }), '"Saved." after Save', 10_000, page);
      info('Save: Saved.');
      await shoot(page, 'options.png');
      return tested;
    });

    const summary = await step(
      `Pull the applicants of job ${DEMO_JOB_ID} in the panel`,
      async () => {
        const page = await openTabNextToLinkedIn('sidepanel.html');
        s.panel = page;
        s.focus = page;
        await page.setViewportSize(PANEL_VIEWPORT);
        const header = page.locator('header');
        await waitVisible(
          header.filter({ hasText: DEMO_JOB_ID }),
          `The panel header with job ${DEMO_JOB_ID}`,
          15_000,
          page,
        );
        await waitVisible(
          header.filter({ hasText: jobTitle(DEMO_JOB_ID) }),
          'The job title in the panel',
          10_000,
          page,
        );
        await waitVisible(page.getByText('0 candidates'), '"0 candidates"', 10_000, page);
        await waitVisible(
          page.getByText(/^Balance:/),
          'The credit balance in the panel',
          10_000,
          page,
        );
        info(`panel shows job ${DEMO_JOB_ID} "${jobTitle(DEMO_JOB_ID)}", 0 candidates`);
        await shoot(page, 'panel-before-pull.png');

        const creditsBefore = mock?.credits ?? DEFAULT_CREDITS;
        const pullStarted = Date.now();
        await page.getByRole('button', { name: 'Pull candidates', exact: true }).click();
        const total = mock?.jobSize(DEMO_JOB_ID) ?? 350;
        const done = page.getByText(`${total.toLocaleString('en-US')} candidates`, { exact: true });
        const guard = page.getByRole('button', { name: 'Continue', exact: true });
        const alert = page.getByRole('alert');
        // Best effort: the pull may end (or fail) before a page of applicants arrived.
        const progressed = page.locator('[role=progressbar]:not([aria-valuenow="0"])');
        const captured = await progressed
          .or(done)
          .or(guard)
          .or(alert)
          .first()
          .waitFor({ state: 'visible', timeout: 15_000 })
          .then(async () => {
            if (!(await progressed.isVisible())) return false;
            info(`progress: ${await textOf(page.locator('.pull-progress p').first())}`);
            await shoot(page, 'panel-pulling.png');
            return true;
          })
          .catch(() => false);
        if (!captured) {
          notes.push('no panel-pulling.png: the pull ended before its progress could be captured.');
          info('(the pull ended before its progress could be captured: no panel-pulling.png)');
        }
        for (;;) {
          await waitVisible(
            done.or(guard).or(alert),
            `"${total} candidates" after the pull`,
            60_000,
            page,
          );
          if (await alert.isVisible()) {
            throw new DemoError(
              `the pull stopped with an error. The panel says: ${await alertsOf(page)}`,
            );
          }
          if (!(await guard.isVisible())) break;
          info('the credit guard asked before spending more: Continue');
          await guard.click();
        }
        await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 15_000 });
        const list = page.getByRole('list', { name: 'Candidates' });
        await waitVisible(list.getByRole('listitem'), 'The candidate list', 10_000, page);
        // The balance refreshes after the pull.
        const creditsAfter = mock?.credits ?? creditsBefore;
        await waitVisible(
          page.getByText(`Balance: ${creditsAfter.toLocaleString('en-US')} credits`),
          'The new balance',
          10_000,
          page,
        ).catch(() => {});
        const pages = mock?.requests.filter((r) => r.action === 'get_candidates') ?? [];
        const seconds = ((Date.now() - pullStarted) / 1000).toFixed(1);
        info(
          `${total} candidates in ${pages.length} pages of up to 100 (offsets ${pages.map((r) => r.params?.offset).join(', ')}) in ${seconds} s`,
        );
        info(
          `credits used: ${creditsBefore - creditsAfter} (balance ${creditsBefore.toLocaleString('en-US')} → ${creditsAfter.toLocaleString('en-US')})`,
        );
        await shoot(page, 'panel-pulled.png');
        return { total, pages: pages.length, creditsBefore, creditsAfter, seconds };
      },
    );

    const company = popularCompany();
    const matching = await step(`Search the candidates for "${company}"`, async () => {
      const page = s.panel as Page;
      s.focus = page;
      await page.getByRole('searchbox', { name: 'Search candidates' }).fill(company);
      // "35 matching" or "35 of 350 shown", depending on the panel's version.
      const counter = page.getByText(/^[\d,]+ (matching|of [\d,]+ shown)$/);
      const text = await counter
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 })
        .then(() => textOf(counter))
        .catch(() => 'the panel shows no count of matches');
      await waitVisible(
        page.getByRole('list', { name: 'Candidates' }).getByRole('listitem'),
        `A candidate matching "${company}"`,
        10_000,
        page,
      );
      info(text);
      await shoot(page, 'panel-search.png');
      return text;
    });

    const detailName = await step('Open a candidate’s detail', async () => {
      const page = s.panel as Page;
      s.focus = page;
      const row = page.getByRole('list', { name: 'Candidates' }).getByRole('listitem').first();
      const name = await textOf(row.locator('.row-name'));
      await row.getByRole('button').click();
      await waitVisible(
        page.getByRole('heading', { level: 2, name }),
        `The detail of ${name}`,
        10_000,
        page,
      );
      await waitVisible(
        page.getByRole('heading', { name: 'Experience' }),
        'The Experience section',
        10_000,
        page,
      );
      const position = await textOf(page.getByText(/^[\d,]+ of [\d,]+$/));
      info(`${name}${position ? ` (${position})` : ''}`);
      await shoot(page, 'panel-detail.png');
      // Back to the full list, for whoever clicks around next (best effort).
      await page
        .getByRole('button', { name: 'Back to list' })
        .click({ timeout: 5_000 })
        .then(() =>
          page.getByRole('searchbox', { name: 'Search candidates' }).fill('', { timeout: 5_000 }),
        )
        .catch(() => {});
      return name;
    });

    await step('Open the panel with no job on screen: the cached jobs', async () => {
      s.focus = s.linkedin;
      await s.linkedin.goto(FEED_URL);
      await waitVisible(
        s.linkedin.getByRole('heading', { name: 'LinkedIn feed' }),
        'The LinkedIn feed page',
      );
      info(`LinkedIn tab now on ${FEED_URL}`);
      const page = await openTabNextToLinkedIn('sidepanel.html');
      s.jobsPanel = page;
      s.focus = page;
      await page.setViewportSize(PANEL_VIEWPORT);
      await waitVisible(
        page.locator('header').filter({ hasText: 'No job selected' }),
        '"No job selected"',
        15_000,
        page,
      );
      const jobs = page.getByRole('list', { name: 'Cached jobs' });
      await waitVisible(
        jobs.filter({ hasText: DEMO_JOB_ID }),
        `Job ${DEMO_JOB_ID} in the cached jobs`,
        10_000,
        page,
      );
      info(`cached jobs: ${(await jobs.getByRole('listitem').count()).toString()}`);
      await shoot(page, 'panel-jobs.png');
    });

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\nDemo done in ${seconds} s.`);
    console.log(`  Linkup mock      ${mock.url} (key ${DEMO_KEY}, account ${DEMO_ACCOUNT_ID})`);
    console.log(`  Test connection  ${balanceText}`);
    console.log(
      `  Pulled           ${summary.total} candidates of job ${DEMO_JOB_ID} "${jobTitle(DEMO_JOB_ID)}" in ${summary.pages} API pages, ${summary.seconds} s`,
    );
    console.log(
      `  Credits used     ${summary.creditsBefore - summary.creditsAfter} (balance ${summary.creditsBefore.toLocaleString('en-US')} → ${summary.creditsAfter.toLocaleString('en-US')})`,
    );
    console.log(`  Search           "${company}": ${matching}`);
    console.log(`  Detail           ${detailName}`);
    for (const note of notes) console.log(`  Note             ${note}`);
    console.log(`  Screenshots in   ${shown(options.out)}/`);
    for (const path of shots.values()) console.log(`    ${shown(path)}`);

    if (options.headless) {
      await cleanup();
      process.exit(0);
    }

    await step('Leave the browser open to click around', async () => {
      await s.jobsPanel?.close();
      await s.linkedin.goto(JOB_URL);
      // The real side panel opens only from a user gesture in an extension page.
      const opened = await openRealSidePanel(s).catch((error: unknown) => messageOf(error));
      if (opened === true) {
        await s.panel?.close();
        info('the side panel is open next to the LinkedIn job');
      } else {
        info(`the real side panel did not open (${opened}); the panel stays open as a tab`);
      }
      await s.linkedin.bringToFront();
    });
    console.log('\nClose the browser window or press Ctrl+C to stop.');
    s.context.on('close', () => {
      if (interrupted) return;
      console.log('The browser closed: stopping the Linkup mock.');
      void cleanup().then(() => process.exit(0));
    });
  } catch (error) {
    console.error(
      error instanceof StepError
        ? `\nThe demo failed. ${error.message}`
        : `\nThe demo could not start: ${messageOf(error)}`,
    );
    const page = session?.focus;
    if (page && !page.isClosed()) {
      const path = join(options.out, 'failure.png');
      if (
        await page.screenshot({ path, timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      ) {
        console.error(`The page at the time: ${shown(path)}`);
      }
    }
    await cleanup();
    process.exit(1);
  }
}

/** Clicks a button in the options page that calls `chrome.sidePanel.open` for the window. */
async function openRealSidePanel(s: Session): Promise<true | string> {
  const page = s.options;
  if (!page || page.isClosed()) return 'no extension page to click in';
  await page.bringToFront();
  const worker = await extensionWorker(s.context);
  const windowId = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const [tab] = await api.tabs.query({ url: 'https://www.linkedin.com/*' });
    return tab?.windowId;
  });
  if (windowId === undefined) return 'the LinkedIn tab was not found';
  await page.evaluate((id) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const button = document.createElement('button');
    button.id = 'demo-open-side-panel';
    button.textContent = 'Open the side panel';
    button.style.cssText = 'position:fixed;top:8px;right:8px;z-index:2147483647';
    button.addEventListener('click', () => {
      const state = globalThis as unknown as { demoSidePanel?: Promise<string> };
      state.demoSidePanel = api.sidePanel
        ? api.sidePanel.open({ windowId: id }).then(
            () => 'ok',
            (e: unknown) => String((e as Error)?.message ?? e),
          )
        : Promise.resolve('chrome.sidePanel is missing');
    });
    document.body.append(button);
  }, windowId);
  await page.locator('#demo-open-side-panel').click();
  const result = await page.evaluate(
    () => (globalThis as unknown as { demoSidePanel?: Promise<string> }).demoSidePanel,
  );
  await page.evaluate(() => document.getElementById('demo-open-side-panel')?.remove());
  return result === 'ok' ? true : (result ?? 'the click did not reach the page');
}

await main();
