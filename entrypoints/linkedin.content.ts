import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectJob, needsDocument } from '@/utils/linkedin/detect';

/**
 * Finds the job the top frame shows and tells the background whenever it changes. It only
 * reads the page: no DOM writes, no injected UI (LinkedIn's terms forbid overlays).
 */

/**
 * The `job-detected` message. Mirrors `JobDetected` in utils/messages.ts (a type test keeps
 * them equal) without importing it: that module defines zod schemas, which are not
 * tree-shaken and would multiply this bundle's size.
 */
export interface JobDetectedMessage {
  type: 'job-detected';
  jobId: string | null;
  url: string;
  title: string | null;
}

/** An expando in the isolated world (the page cannot see it) marking the live detector. */
const RUNNING = Symbol.for('applicant-panel.linkedin-detector');

/** How long a page may take to set the new job's title before the unchanged one is trusted. */
const TITLE_SETTLE_MS = 1500;

export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  allFrames: false,
  // WXT would also announce the script with a `window.postMessage` that LinkedIn's own scripts
  // receive and that names our extension ID; its DOM event alone still stops older copies.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // allFrames is false, but a programmatic injection could still land in LinkedIn's iframes
    // (`/preload/` renders job UI): the job comes from the top frame's URL only.
    if (window.top !== window) return;
    // WXT invalidates an older copy's context when a newer one starts (extension reloaded);
    // a second copy next to a live one must not report twice.
    const scope = globalThis as { [RUNNING]?: AbortSignal };
    if (scope[RUNNING] && !scope[RUNNING].aborted) return;
    scope[RUNNING] = ctx.signal;
    const { signal } = ctx;

    let lastReport: string | undefined;
    let lastHref = '';
    let lastJobId: string | null | undefined;
    let seenTitle = document.title;
    // The previous job's `document.title` while the new job's page has not set its own yet:
    // reporting it would name the new job after the old one (and the background stores it).
    let staleTitle: string | null = null;
    let settleTimer: number | undefined;
    let timer: number | undefined;
    let due = Number.POSITIVE_INFINITY;

    const detect = () => {
      window.clearTimeout(timer);
      due = Number.POSITIVE_INFINITY;
      // Once the extension is reloaded or removed nobody listens: WXT's check aborts `signal`,
      // which removes the listeners below.
      if (ctx.isInvalid) return;
      lastHref = location.href;
      watchBody(needsDocument(lastHref));
      const found = detectJob(lastHref, document);
      if (lastJobId !== undefined && found.jobId !== lastJobId) {
        staleTitle = seenTitle;
        window.clearTimeout(settleTimer);
        settleTimer = window.setTimeout(() => {
          staleTitle = null;
          detect();
        }, TITLE_SETTLE_MS);
      }
      lastJobId = found.jobId;
      seenTitle = document.title;
      if (seenTitle !== staleTitle) staleTitle = null;
      const title = staleTitle === null ? found.title : null;

      const key = JSON.stringify([found.jobId, title]);
      if (key === lastReport) return;
      lastReport = key;
      const message: JobDetectedMessage = {
        type: 'job-detected',
        jobId: found.jobId,
        url: lastHref.slice(0, 4096),
        title,
      };
      browser.runtime.sendMessage(message).catch(() => {
        // Nobody listening (the worker is starting up, or the extension was just reloaded):
        // forget this report so that the next check sends it again.
        if (lastReport === key) lastReport = undefined;
      });
    };
    /** Runs `detect` within `delay` ms; a pending later run is brought forward, never delayed. */
    const schedule = (delay = 0) => {
      const at = Date.now() + delay;
      if (at >= due) return;
      window.clearTimeout(timer);
      due = at;
      timer = window.setTimeout(detect, delay);
    };

    // When the URL cannot name the job the DOM may, and a click in a list can change it
    // without a URL change. LinkedIn mutates its body constantly: the observer only sets a
    // throttled timer, and only while the URL needs it.
    const bodyObserver = new MutationObserver(() => schedule(250));
    let watchingBody = false;
    const watchBody = (on: boolean) => {
      if (on === watchingBody || !document.body) return;
      watchingBody = on;
      if (!on) return bodyObserver.disconnect();
      bodyObserver.observe(document.body, {
        childList: true,
        subtree: true,
        attributeFilter: ['aria-current', 'aria-selected', 'componentkey', 'data-job-id', 'id'],
      });
    };

    // The title arrives after the page settles, and the `<title>` element may be replaced.
    const headObserver = new MutationObserver(() => {
      if (document.title !== seenTitle) schedule();
    });
    headObserver.observe(document.head ?? document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    ctx.onInvalidated(() => {
      window.clearTimeout(timer);
      window.clearTimeout(settleTimer);
      bodyObserver.disconnect();
      headObserver.disconnect();
    });

    // Committed in-page navigations (LinkedIn is a single-page app): the Navigation API where
    // the browser has it, else a cheap poll, since pushState fires no event of its own.
    const navigation = (globalThis as { navigation?: Navigation }).navigation;
    if (navigation) {
      navigation.addEventListener('currententrychange', () => schedule(), { signal });
      navigation.addEventListener('navigatesuccess', () => schedule(), { signal });
    } else {
      ctx.setInterval(() => {
        if (location.href !== lastHref) schedule();
      }, 250);
    }
    window.addEventListener('popstate', () => schedule(), { signal });
    // Back from the back/forward cache: the background forgot this tab when it navigated away.
    window.addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted) {
          lastReport = undefined;
          schedule();
        }
      },
      { signal },
    );

    detect();
  },
});
