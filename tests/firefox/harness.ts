/**
 * Launches Debian's Firefox ESR with the built Firefox add-on (`.output/firefox-mv2`), driven
 * by puppeteer-core over WebDriver BiDi, with a minimal Marionette client for the browser's
 * own UI (toolbar button, sidebar, opening `moz-extension:` tabs).
 *
 * The network is a loopback proxy (see proxy.ts): LinkedIn's hosts serve the fake job pages
 * and `api.linkupapi.com` reaches the Linkup mock, so the production build runs unchanged and
 * nothing leaves the machine.
 *
 * Firefox allows one automation session at a time: BiDi (puppeteer) and Marionette take
 * turns. `chrome()` ends the BiDi session, runs Marionette commands, and starts a new BiDi
 * session, after which earlier `Page` handles are stale: get pages again with `page()`.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type MockLinkup, startMockLinkup } from '../mock-linkup/server';
import { Marionette } from './marionette';
import { startProxy, type TestProxy } from './proxy';

export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'applicant-panel@applicant-panel.dev';
/** Pinned through `extensions.webextensions.uuids`, so pages have a known address. */
export const EXTENSION_UUID = '6d2b8e0e-31f5-4b7e-a8d4-0c5a2f9e7b13';
export const ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** Firefox's id for the add-on's UI widgets: the gecko id lowercased, `[^a-z0-9_-]` -> `_`. */
const WIDGET = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
/** The add-on's toolbar widget, and the button in it that runs the action. */
export const ACTION_WIDGET = `${WIDGET}-browser-action`;
export const ACTION_BUTTON = `${WIDGET}-BAP`;
export const SIDEBAR_ID = `${WIDGET}-sidebar-action`;
export const VALID_KEY = 'test-key';
export const ACCOUNT = 'acc_demo';

export interface LaunchOptions {
  /** Reuse a profile (a browser restart); the caller then removes it. */
  profileDir?: string;
  mock?: MockLinkup;
  /** false: start with the network cut (the proxy refuses every host). Default true. */
  online?: boolean;
}

export interface SidebarState {
  open: boolean;
  /** Firefox's id of the sidebar shown (ours: SIDEBAR_ID). */
  id: string;
  /** The address loaded in the extension sidebar, or null. */
  url: string | null;
}

export class FirefoxHarness {
  private constructor(
    public browser: Browser,
    private readonly process: ChildProcess | null,
    private readonly wsEndpoint: string,
    readonly profileDir: string,
    private readonly ownsProfile: boolean,
    readonly mock: MockLinkup,
    private readonly ownsMock: boolean,
    readonly proxy: TestProxy,
    readonly addonId: string,
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<FirefoxHarness> {
    const mock = options.mock ?? (await startMockLinkup());
    const proxy = await startProxy(mock.url);
    if (options.online === false) proxy.setOnline(false);
    const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'ap-ff-'));
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: process.env.HEADFUL !== '1',
        protocol: 'webDriverBiDi',
        userDataDir: profileDir,
        // The proxy's certificate is self-signed; BiDi's flag makes Firefox accept it.
        acceptInsecureCerts: true,
        // Marionette reaches the browser UI; chrome scope needs system access.
        args: ['--marionette', '-remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
          // A temporary add-on is removed at shutdown; keep its data and address so a restart
          // with the same profile finds the cache (as an installed add-on always would).
          'extensions.webextensions.keepStorageOnUninstall': true,
          'extensions.webextensions.keepUuidOnUninstall': true,
          'marionette.port': 0,
          // Every request goes through the loopback proxy (loopback itself is not proxied).
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': proxy.port,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': proxy.port,
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': false,
          'network.dns.disablePrefetch': true,
          'network.http.speculative-parallel-limit': 0,
          'browser.safebrowsing.update.enabled': false,
          'extensions.update.enabled': false,
          'extensions.getAddons.cache.enabled': false,
          'app.normandy.enabled': false,
          'browser.newtabpage.enabled': false,
        },
      });
      const addonId = await browser.installExtension(FIREFOX_BUILD);
      return new FirefoxHarness(
        browser,
        browser.process(),
        browser.wsEndpoint(),
        profileDir,
        !options.profileDir,
        mock,
        !options.mock,
        proxy,
        addonId,
      );
    } catch (error) {
      await browser?.close().catch(() => {});
      await proxy.close();
      if (!options.mock) await mock.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Runs Marionette commands in the browser window's chrome scope, between two BiDi
   * sessions. Earlier `Page` handles are stale afterwards.
   */
  async chrome<T>(run: (marionette: Marionette) => Promise<T>): Promise<T> {
    await this.browser.disconnect();
    const port = Number(readFileSync(join(this.profileDir, 'MarionetteActivePort'), 'utf8'));
    const marionette = await Marionette.connect(port);
    try {
      return await run(marionette);
    } finally {
      await marionette.close();
      this.browser = await puppeteer.connect({
        browserWSEndpoint: this.wsEndpoint,
        protocol: 'webDriverBiDi',
        acceptInsecureCerts: true,
      });
    }
  }

  /** The open tab whose address starts with `prefix`, waiting up to `timeoutMs` for it. */
  async page(prefix: string, timeoutMs = 10_000): Promise<Page> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.browser.pages()).find((p) => p.url().startsWith(prefix));
      if (found) return found;
      if (Date.now() > end) throw new Error(`no tab at ${prefix}`);
      await sleep(100);
    }
  }

  /**
   * Opens an extension page in a new, selected tab. WebDriver BiDi cannot: Firefox refuses a
   * BiDi navigation to a `moz-extension:` address (not web-accessible), so the tab is opened
   * from the browser UI with the system principal, like a click in about:addons.
   */
  async openExtensionPage(path: string): Promise<Page> {
    const url = `${ORIGIN}/${path}`;
    await this.chrome(async (m) => {
      await m.chrome(
        `gBrowser.selectedTab = gBrowser.addTab(arguments[0], {
           triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
         });`,
        [url],
      );
      // BiDi does not follow navigations in extension tabs: hand the tab over once it shows
      // the page, or it stays about:blank to puppeteer.
      await m.waitFor(
        `const b = gBrowser.selectedBrowser;
         return b.currentURI.spec === arguments[0] && !b.webProgress.isLoadingDocument;`,
        [url],
        10_000,
      );
    });
    const page = await this.page(url);
    await waitFor(() => page.evaluate(() => document.readyState === 'complete'), `${path} to load`);
    return page;
  }

  /**
   * Moves an extension tab to another extension page (or reloads it) from inside: BiDi
   * neither navigates nor reloads `moz-extension:` tabs, and does not see the new address.
   */
  async navigateInPage(page: Page, path: string | null): Promise<void> {
    const marker = `ap-${Math.random()}`;
    await page.evaluate((m) => {
      (window as unknown as Record<string, boolean>)[m] = true;
    }, marker);
    await page.evaluate((p) => {
      if (p === null) location.reload();
      else location.href = p;
    }, path);
    await waitFor(
      () =>
        page.evaluate(
          (m) =>
            !(window as unknown as Record<string, boolean>)[m] &&
            document.readyState === 'complete',
          marker,
        ),
      `${path ?? 'a reload'} to load`,
    );
  }

  /** A LinkedIn page through the proxy, in a new tab (selected: BiDi opens it in front). */
  async openLinkedIn(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(url);
    return page;
  }

  /**
   * The text of the extension's sidebar document (under `selector`), read from an extension
   * tab through `extension.getViews({ type: 'sidebar' })`: the sidebar is not a tab, so
   * BiDi cannot reach it, but a page of the same add-on can.
   */
  async sidebarText(from: Page, selector: string): Promise<string | null> {
    return from.evaluate((sel) => {
      const ext = (
        globalThis as unknown as { browser: { extension: { getViews(q: object): Window[] } } }
      ).browser.extension;
      const view = ext.getViews({ type: 'sidebar' })[0];
      if (!view) return null;
      return (
        Array.from(view.document.querySelectorAll(sel))
          // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, block by block
          .map((e) => (e as HTMLElement).innerText)
          .join('\n')
      );
    }, selector);
  }

  /** The sidebar as the browser window shows it. */
  async sidebar(m: Marionette): Promise<SidebarState> {
    return m.chrome<SidebarState>(
      `const browser = document.getElementById('sidebar')?.contentDocument
         ?.getElementById('webext-panels-browser');
       return {
         open: SidebarController.isOpen,
         id: SidebarController.currentID ?? '',
         url: SidebarController.isOpen && browser ? browser.currentURI.spec : null,
       };`,
    );
  }

  /** The badge on the toolbar button for the selected tab ('' when none). */
  async toolbarBadge(m: Marionette): Promise<string> {
    // The Extensions panel keeps its buttons out of the document until it opens.
    return m.chrome<string>(
      `const node = CustomizableUI.getWidget(arguments[0]).forWindow(window).node;
       return node?.querySelector('.unified-extensions-item-action-button')?.getAttribute('badge') ?? '';`,
      [ACTION_WIDGET],
    );
  }

  /**
   * Presses the add-on's toolbar button as a user does: real mouse clicks on the Extensions
   * button (Firefox puts new add-ons' buttons in that panel) and then on ours.
   */
  async pressToolbarButton(m: Marionette): Promise<void> {
    await m.click('#unified-extensions-button');
    await m.waitFor(`return !!document.getElementById(arguments[0])?.checkVisibility()`, [
      ACTION_BUTTON,
    ]);
    await m.click(`#${ACTION_BUTTON}`);
  }

  /** Closes Firefox, the proxy and an owned mock; `keepProfile` leaves the profile for a relaunch. */
  async close({ keepProfile = false } = {}): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (!this.process || this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    await this.browser.close().catch(() => {});
    // After a reconnect puppeteer does not own the process: wait for Firefox to go before
    // its profile is removed.
    if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) {
      this.process?.kill('SIGKILL');
      await exited;
    }
    await this.proxy.close();
    if (this.ownsMock) await this.mock.close();
    if (this.ownsProfile && !keepProfile)
      rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `check` returns a truthy value. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Waits until the page's text under `selector` contains `text`. */
export async function waitForText(
  page: Page,
  selector: string,
  text: string | RegExp,
  timeoutMs = 15_000,
): Promise<void> {
  // Polled with evaluate: waitForFunction builds a Function, which an extension page's CSP
  // refuses.
  const read = () =>
    page.evaluate((sel) => {
      return (
        Array.from(document.querySelectorAll(sel))
          // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, block by block
          .map((e) => (e as HTMLElement).innerText)
          .join('\n')
      );
    }, selector);
  const matches = (content: string) =>
    typeof text === 'string' ? content.includes(text) : text.test(content);
  try {
    await waitFor(
      async () => matches(await read()),
      `${selector} to show ${String(text)}`,
      timeoutMs,
    );
  } catch {
    const now = await read().catch(() => '(unreadable)');
    throw new Error(`"${selector}" never showed ${String(text)}; it shows: ${now.slice(0, 300)}`);
  }
}
