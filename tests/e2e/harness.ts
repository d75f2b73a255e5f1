import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import {
  CHROMIUM_PATH,
  extensionArgs,
  routeFakeLinkedIn,
  routeLinkupToMock,
} from '../fixtures/chromium';
import { type MockLinkup, startMockLinkup } from '../mock-linkup/server';

export const CHROME_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const VALID_KEY = 'test-key';
export const ACCOUNT = 'acc_demo';

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  mock: MockLinkup;
  /** Whether Linkup's origin is reachable; false simulates no network. */
  setOnline: (online: boolean) => void;
  /** Requests the extension sent to https://api.linkupapi.com (as the mock saw them). */
  openPanel: (query?: string) => Promise<Page>;
  openOptions: () => Promise<Page>;
  openLinkedIn: (url: string) => Promise<Page>;
  configure: (key?: string, account?: string, creditGuard?: number) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Launches Debian's Chromium with the built extension. Linkup's real origin is routed to the
 * local mock (Playwright intercepts the service worker's fetches too), and LinkedIn's origin
 * serves fake job pages, so the production build is tested unchanged and nothing leaves the
 * machine.
 */
export async function launch(
  options: { mock?: MockLinkup; userDataDir?: string } = {},
): Promise<Harness> {
  const mock = options.mock ?? (await startMockLinkup());
  const ownsMock = !options.mock;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'ap-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: extensionArgs(CHROME_BUILD),
  });
  let online = true;
  await routeLinkupToMock(context, mock.url, () => online);
  await routeFakeLinkedIn(context);

  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;

  const harness: Harness = {
    context,
    extensionId,
    worker,
    mock,
    setOnline: (value) => {
      online = value;
    },
    openPanel: async (query = '') => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html${query}`);
      return page;
    },
    openOptions: async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    },
    openLinkedIn: async (url) => {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    configure: async (key = VALID_KEY, account = ACCOUNT, creditGuard = 0) => {
      const page = await harness.openOptions();
      await page.getByLabel('API key', { exact: true }).fill(key);
      await page.getByLabel('Account ID', { exact: true }).fill(account);
      // Most tests pull whole jobs; the guard has tests of its own.
      await page.getByLabel(/Ask before a pull costs more than/).fill(String(creditGuard));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await page.close();
    },
    close: async () => {
      await context.close();
      if (ownsMock) await mock.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Polls until the check passes (for state outside the DOM: requests, storage). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waitFor timed out${last ? `: ${String(last)}` : ''}`);
}
