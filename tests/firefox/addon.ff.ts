/**
 * The add-on in Firefox: install, sidebar and toolbar button, options, job detection on a
 * served LinkedIn page, a pull from the Linkup mock, and offline review (also after a
 * browser restart).
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  ACCOUNT,
  FIREFOX_BUILD,
  FirefoxHarness,
  GECKO_ID,
  ORIGIN,
  SIDEBAR_ID,
  VALID_KEY,
  waitFor,
  waitForText,
} from './harness';
import { suite } from './runner';

const JOB = '4341315847'; // 350 applicants in the mock
const OTHER_JOB = '4000000003'; // 3 applicants
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  }
).version;

/**
 * The form field with this accessible name. Firefox's accessibility locator also matches the
 * `<label>` (whose own name is its text) and gives a password field a role other than
 * textbox, so the match is narrowed to form controls here.
 */
async function field(page: Page, name: string) {
  return waitFor(async () => {
    for (const handle of await page.$$(`::-p-aria(${name})`)) {
      if (await handle.evaluate((el) => el.matches('input, textarea, select'))) return handle;
    }
    return null;
  }, `a field named ${name}`);
}

/** Types into the field with this accessible name, replacing what it held. */
async function fill(page: Page, name: string, value: string) {
  const input = await field(page, name);
  await input.click();
  await input.evaluate((el) => (el as HTMLInputElement).select());
  await page.keyboard.press('Backspace');
  if (value) await input.type(value);
}

/**
 * Clicks the button with this accessible name. (Through an element handle: puppeteer's
 * locators and waitForFunction build functions at run time, which an extension page's CSP
 * refuses.)
 */
async function press(page: Page, name: string) {
  const button = await waitFor(
    () => page.$(`::-p-aria([name="${name}"][role="button"])`),
    `a button named ${name}`,
  );
  await button.click();
}

/** Clicks the button whose accessible name starts with `prefix` (e.g. "Pull candidates"). */
async function pressStartingWith(page: Page, prefix: string) {
  const buttons = await page.$$('button');
  for (const button of buttons) {
    const name = await button.evaluate(
      (b) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '',
    );
    if (name.startsWith(prefix)) return button.click();
  }
  throw new Error(`no button named ${prefix}…`);
}

async function fieldValue(page: Page, name: string): Promise<string> {
  return (await field(page, name)).evaluate((el) => (el as HTMLInputElement).value);
}

/** The panel's `<header>` text. */
async function header(page: Page): Promise<string> {
  return page.$eval('header', (h) => h.textContent ?? '');
}

/** The rows the list named Candidates renders (it is virtualized: rows near the view). */
async function candidateNames(page: Page): Promise<string[]> {
  const list = await page.$('::-p-aria([name="Candidates"][role="list"])');
  if (!list) return [];
  return list.evaluate((ul) =>
    Array.from(ul.querySelectorAll(':scope > li, :scope > [role="listitem"]')).map(
      (i) => i.textContent ?? '',
    ),
  );
}

// --- the add-on and its browser UI -------------------------------------------------------

{
  const { step } = suite(
    'Firefox: install, sidebar and toolbar button',
    () => FirefoxHarness.launch(),
    (ext) => ext.close(),
  );

  step(
    'installs as a temporary add-on under its gecko id, MV2, version from package.json',
    async (ext) => {
      assert.equal(ext.addonId, GECKO_ID);
      const page = await ext.openExtensionPage('options.html');
      const manifest = (await page.evaluate(() =>
        (
          globalThis as unknown as { browser: { runtime: { getManifest(): unknown } } }
        ).browser.runtime.getManifest(),
      )) as {
        manifest_version: number;
        version: string;
        sidebar_action?: { open_at_install?: boolean };
      };
      assert.equal(manifest.manifest_version, 2);
      assert.equal(manifest.version, PACKAGE_VERSION);
      assert.equal(manifest.sidebar_action?.open_at_install, false);
    },
  );

  step('the sidebar stays closed at install', async (ext) => {
    const state = await ext.chrome((m) => ext.sidebar(m));
    assert.equal(state.open, false, `sidebar open at install: ${JSON.stringify(state)}`);
  });

  step('the toolbar button opens the sidebar with the panel, and closes it again', async (ext) => {
    await ext.chrome(async (m) => {
      await ext.pressToolbarButton(m);
      await m.waitFor('return SidebarController.isOpen');
      const opened = await ext.sidebar(m);
      assert.equal(opened.id, SIDEBAR_ID);
      await waitFor(
        async () => (await ext.sidebar(m)).url === `${ORIGIN}/sidepanel.html`,
        'the sidebar to load sidepanel.html',
      );
      await ext.pressToolbarButton(m);
      await m.waitFor('return !SidebarController.isOpen');
    });
  });

  step('the keyboard shortcut from the manifest toggles the sidebar', async (ext) => {
    const manifest = JSON.parse(readFileSync(resolve(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
      commands?: Record<string, { suggested_key?: { default?: string } }>;
    };
    const combo = manifest.commands?._execute_sidebar_action?.suggested_key?.default;
    assert.ok(combo, 'no _execute_sidebar_action shortcut in the manifest');
    await ext.chrome(async (m) => {
      await m.pressKeys(combo);
      await m.waitFor('return SidebarController.isOpen');
      assert.equal((await ext.sidebar(m)).id, SIDEBAR_ID);
      await m.pressKeys(combo);
      await m.waitFor('return !SidebarController.isOpen');
    });
  });

  step('the panel page opens (no job selected) and the options page opens', async (ext) => {
    const panel = await ext.openExtensionPage('sidepanel.html');
    await waitForText(panel, 'header', 'No job selected');
    const options = await ext.openExtensionPage('options.html');
    await waitForText(options, 'h1', 'Applicant Panel settings');
    assert.equal(await fieldValue(options, 'API key'), '');
  });
}

// --- options, detection, pull, offline ---------------------------------------------------

interface FlowContext {
  ext: FirefoxHarness;
  profileDir?: string;
}

{
  const { step } = suite<FlowContext>(
    'Firefox: options, detection, pull and offline review',
    async () => ({ ext: await FirefoxHarness.launch() }),
    async (ctx) => {
      await ctx.ext.close();
      if (ctx.profileDir) rmSync(ctx.profileDir, { recursive: true, force: true });
    },
  );

  step(
    'options: a wrong key fails Test connection in plain words naming the key',
    async ({ ext }) => {
      const options = await ext.openExtensionPage('options.html');
      await fill(options, 'API key', 'wrong-key');
      await fill(options, 'Account ID', ACCOUNT);
      await press(options, 'Test connection');
      await waitForText(options, '[role="status"]', /key/i);
      const status = await options.$eval('[role="status"]', (s) => s.textContent ?? '');
      assert.match(status, /key/i);
      assert.doesNotMatch(status, /[{<]|Error:/);
    },
  );

  step('options: Save, and Test connection shows the balance from the mock', async ({ ext }) => {
    const options = await ext.page(`${ORIGIN}/options.html`);
    await fill(options, 'API key', VALID_KEY);
    await press(options, 'Save');
    await waitForText(options, '[role="status"]', 'Saved.');
    await press(options, 'Test connection');
    await waitForText(options, '[role="status"]', /4,?825 credits/);
    const calls = ext.mock.requests.map((r) => `${r.method} ${r.path} ${r.apiKey}`);
    assert.ok(calls.includes(`GET /v2/credits ${VALID_KEY}`), calls.join('\n'));
    // The saved values are read back from storage after a reload.
    await ext.navigateInPage(options, null);
    await waitFor(
      async () => (await fieldValue(options, 'API key')) === VALID_KEY,
      'the saved key',
    );
    assert.equal(await fieldValue(options, 'Account ID'), ACCOUNT);
  });

  step(
    'detection: the panel shows the job of the LinkedIn tab, and follows in-page navigation',
    async ({ ext }) => {
      const linkedin = await ext.openLinkedIn(`https://www.linkedin.com/jobs/view/${JOB}/`);
      assert.match(await linkedin.title(), /Senior Frontend Engineer/);
      const panel = await ext.openExtensionPage('sidepanel.html');
      await waitForText(panel, 'header', JOB);
      await waitForText(panel, 'header', 'Senior Frontend Engineer');
      await waitForText(panel, 'main', /\b0 candidates\b/);
      // Opening the panel calls nothing but the free balance check.
      const paid = ext.mock.requests.filter(
        (r) => r.path !== '/v2/credits' && r.path !== '/v2/accounts',
      );
      assert.deepEqual(paid, []);

      // LinkedIn moves to another job with pushState; Firefox 140 has no Navigation API, so
      // the content script's polling fallback must notice.
      const page = await ext.page('https://www.linkedin.com/');
      await page.evaluate((id) => {
        (document.querySelector(`a[data-spa="${id}"]`) as HTMLAnchorElement).click();
      }, OTHER_JOB);
      await waitForText(panel, 'header', OTHER_JOB);
      await page.evaluate((id) => {
        (document.querySelector(`a[data-spa="${id}"]`) as HTMLAnchorElement).click();
      }, JOB);
      await waitForText(panel, 'header', JOB);
      assert.ok(ext.proxy.served.some((r) => r.host === 'www.linkedin.com'));
    },
  );

  step('pull: all 350 applicants of the job come from the mock, page by page', async ({ ext }) => {
    const panel = await ext.page(`${ORIGIN}/sidepanel.html`);
    await pressStartingWith(panel, 'Pull');
    await waitFor(() => panel.$('[role="progressbar"]'), 'the progress bar', 5000);
    await waitFor(() => panel.$('::-p-aria([name="Cancel"][role="button"])'), 'Cancel', 5000);
    await waitForText(panel, 'main', /\b350 candidates\b/, 45_000);
    await waitFor(
      () => panel.evaluate(() => !document.querySelector('[role="progressbar"]')),
      'the progress bar to go',
    );
    const pages = ext.mock.requests.filter((r) => r.action === 'get_candidates');
    assert.deepEqual(
      pages.map((r) => r.params?.offset),
      [0, 100, 200, 300],
    );
    for (const r of pages) {
      assert.equal(r.apiKey, VALID_KEY);
      assert.equal(r.params?.job_id, JOB);
      assert.match(r.contentType ?? '', /application\/json/);
    }
    const names = await waitFor(async () => {
      const rows = await candidateNames(panel);
      return rows.length > 0 ? rows : null;
    }, 'candidate rows');
    assert.ok(names.length < 350, `${names.length} rows rendered: not virtualized`);
    // Search narrows the list to one of the mock's applicants (non-ASCII name).
    await fill(panel, 'Search candidates', 'Zoë Ångström');
    let rows: string[] = [];
    await waitFor(async () => {
      rows = await candidateNames(panel);
      return rows.length >= 1 && rows.every((r) => r.includes('Ångström'));
    }, 'the search to find Zoë Ångström').catch(async (error) => {
      const query = await fieldValue(panel, 'Search candidates');
      throw new Error(`${error}; query ${JSON.stringify(query)}, rows ${JSON.stringify(rows)}`);
    });
    await fill(panel, 'Search candidates', '');
  });

  step(
    'sidebar: the toolbar button opens it on the LinkedIn tab, showing that job and its cache; the badge counts it',
    async ({ ext }) => {
      const linkedin = await ext.page('https://www.linkedin.com/');
      await linkedin.bringToFront();
      await ext.chrome(async (m) => {
        await m.waitFor(`return gBrowser.selectedBrowser.currentURI.host === 'www.linkedin.com'`);
        // The badge on the toolbar button counts the cached applicants of the tab's job.
        let badge = '';
        await waitFor(async () => {
          badge = await ext.toolbarBadge(m);
          return badge === '350';
        }, 'the badge').catch((error) => {
          throw new Error(`${error}; the badge reads ${JSON.stringify(badge)}`);
        });
        await ext.pressToolbarButton(m);
        await m.waitFor('return SidebarController.isOpen');
      });
      const panelTab = await ext.page(`${ORIGIN}/sidepanel.html`);
      await waitFor(
        async () => (await ext.sidebarText(panelTab, 'header'))?.includes(JOB),
        `the sidebar header to show ${JOB}`,
      );
      await waitFor(
        async () => /\b350 candidates\b/.test((await ext.sidebarText(panelTab, 'main')) ?? ''),
        'the sidebar to count 350 candidates',
      );
      await ext.chrome(async (m) => {
        await ext.pressToolbarButton(m);
        await m.waitFor('return !SidebarController.isOpen');
      });
    },
  );

  step(
    'offline: with Linkup unreachable, a reloaded panel still lists every cached applicant',
    async ({ ext }) => {
      ext.proxy.setOnline(false);
      await ext.mock.close();
      const panel = await ext.page(`${ORIGIN}/sidepanel.html`);
      await ext.navigateInPage(panel, `sidepanel.html?jobId=${JOB}`);
      await waitForText(panel, 'header', JOB);
      await waitForText(panel, 'main', /\b350 candidates\b/);
      await waitFor(async () => (await candidateNames(panel)).length > 0, 'candidate rows');
      assert.ok((await header(panel)).includes(JOB));
    },
  );

  step(
    'restart: after a browser restart with no network, the settings and the cache are still there',
    async (ctx) => {
      const profileDir = ctx.ext.profileDir;
      await ctx.ext.close({ keepProfile: true });
      ctx.profileDir = profileDir;
      // Firefox removes a temporary add-on at shutdown; the harness installs it again with the
      // same address, and keepStorageOnUninstall keeps its data as an installed add-on's is kept.
      ctx.ext = await FirefoxHarness.launch({ profileDir, online: false });
      const ext = ctx.ext;
      const panel = await ext.openExtensionPage(`sidepanel.html?jobId=${JOB}`);
      await waitForText(panel, 'header', JOB);
      await waitForText(panel, 'main', /\b350 candidates\b/);
      await waitFor(async () => (await candidateNames(panel)).length > 0, 'candidate rows');
      const options = await ext.openExtensionPage('options.html');
      await waitFor(
        async () => (await fieldValue(options, 'API key')) === VALID_KEY,
        'the saved key',
      );
      assert.equal(await fieldValue(options, 'Account ID'), ACCOUNT);
      assert.equal(ext.mock.requests.length, 0, 'offline: nothing reached Linkup');
    },
    90_000,
  );
}
