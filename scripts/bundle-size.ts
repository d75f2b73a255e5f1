/**
 * `tsx scripts/bundle-size.ts [--browser chrome|firefox] [--json]`
 *
 * Reads a built extension (`.output/chrome-mv3`, and `.output/firefox-mv2` when it exists or
 * is asked for), finds each entry point from the manifest (background, content scripts, side
 * panel, options, popup) and the files it loads, and prints their raw and gzipped sizes. An
 * HTML entry counts its `<script>` and `<link rel=modulepreload|stylesheet>` files and every
 * chunk those import statically; chunks loaded with `import()` are listed as lazy and left out
 * of the budget. Exits 1 when a size in `BUDGETS` is exceeded (sizes are deterministic, so
 * they may gate a build), 2 when the build is missing.
 *
 * Gzip: node's zlib at level 9 on each file alone, the sizes summed (each file is fetched and
 * compressed on its own). 1 kB = 1,000 bytes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');

export const BUILDS = {
  chrome: join(ROOT, '.output', 'chrome-mv3'),
  firefox: join(ROOT, '.output', 'firefox-mv2'),
} as const;
export type BrowserName = keyof typeof BUILDS;

/** The manifest's entry points; `page:<name>` is an extension page the manifest does not list. */
export type EntryKind =
  | 'background'
  | 'content'
  | 'sidepanel'
  | 'options'
  | 'popup'
  | `page:${string}`;

/**
 * The size budgets (issue 6), gzipped bytes of an entry point's JavaScript (shared chunks
 * included, lazy chunks and CSS not). The one table to change when a budget moves.
 */
export const BUDGETS: Readonly<Record<string, number>> = {
  content: 6_000,
  background: 30_000,
  sidepanel: 40_000,
};

export interface FileSize {
  /** Path inside the build, with forward slashes. */
  path: string;
  raw: number;
  gzip: number;
}

export interface EntrySize {
  kind: EntryKind;
  /** The manifest's file for the entry (a script or an HTML page). */
  source: string;
  /** JavaScript loaded at start: the entry's own scripts and their static imports. */
  js: FileSize[];
  /** Chunks reachable only through `import()`. */
  lazy: FileSize[];
  css: FileSize[];
  html: FileSize | null;
  jsRaw: number;
  jsGzip: number;
  budget: number | null;
  /** null when there is no budget. */
  withinBudget: boolean | null;
}

export interface BuildSize {
  browser: string;
  dir: string;
  entries: EntrySize[];
  /** Every JS file any entry loads (shared chunks once). */
  totalJs: { raw: number; gzip: number; files: number };
  /** Every file of the build (icons, locales and manifest included). */
  totalAll: { raw: number; gzip: number; files: number };
  overBudget: { kind: EntryKind; gzip: number; budget: number }[];
}

const sizeCache = new Map<string, FileSize>();

export function fileSize(dir: string, path: string): FileSize {
  const full = join(dir, path);
  const cached = sizeCache.get(full);
  if (cached) return cached;
  const bytes = readFileSync(full);
  const size = { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  sizeCache.set(full, size);
  return size;
}

/** A path in the build (forward slashes, no leading slash) from a reference in `from`. */
function resolveRef(from: string, ref: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null;
  const clean = ref.split(/[?#]/)[0] ?? '';
  const path = clean.startsWith('/')
    ? posix.normalize(clean.slice(1))
    : posix.normalize(posix.join(posix.dirname(from), clean));
  return path.startsWith('..') ? null : path;
}

// Minified ES modules: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']([^"'\n]+\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"'\n]+\.m?js)["']\s*\)/g;

function importsOf(dir: string, file: string): { statics: string[]; dynamics: string[] } {
  const code = readFileSync(join(dir, file), 'utf8');
  const dynamics = [...code.matchAll(DYNAMIC_IMPORT)].map((m) => m[1] ?? '');
  const statics = [...code.matchAll(STATIC_IMPORT)]
    .map((m) => m[1] ?? '')
    .filter((ref) => !dynamics.includes(ref));
  const resolveAll = (refs: string[]) =>
    refs
      .map((ref) => resolveRef(file, ref))
      .filter((p): p is string => p !== null && existsSync(join(dir, p)));
  return { statics: resolveAll(statics), dynamics: resolveAll(dynamics) };
}

/** The JS graph from some roots: the statically loaded files, then the lazy ones. */
function scriptGraph(dir: string, roots: string[]): { eager: string[]; lazy: string[] } {
  const eager = new Set<string>();
  const lazyRoots: string[] = [];
  const visit = (file: string) => {
    if (eager.has(file)) return;
    eager.add(file);
    const { statics, dynamics } = importsOf(dir, file);
    lazyRoots.push(...dynamics);
    for (const s of statics) visit(s);
  };
  for (const r of roots) visit(r);
  const lazy = new Set<string>();
  const visitLazy = (file: string) => {
    if (eager.has(file) || lazy.has(file)) return;
    lazy.add(file);
    const { statics, dynamics } = importsOf(dir, file);
    for (const s of [...statics, ...dynamics]) visitLazy(s);
  };
  for (const r of lazyRoots) visitLazy(r);
  return { eager: [...eager], lazy: [...lazy] };
}

function attr(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[2] ?? m[3] ?? m[4] ?? '') : null;
}

function htmlEntry(dir: string, kind: EntryKind, page: string): EntrySize {
  const html = readFileSync(join(dir, page), 'utf8');
  const scripts: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    const ref = isScript ? attr(tag, 'src') : attr(tag, 'href');
    const path = ref ? resolveRef(page, ref) : null;
    if (!path || !existsSync(join(dir, path))) continue;
    if (isScript || rel === 'modulepreload') scripts.push(path);
    else if (rel === 'stylesheet') css.push(path);
  }
  return entryOf(dir, kind, page, scripts, css, fileSize(dir, page));
}

function entryOf(
  dir: string,
  kind: EntryKind,
  source: string,
  roots: string[],
  css: string[],
  html: FileSize | null,
): EntrySize {
  const graph = scriptGraph(dir, roots);
  const js = graph.eager.map((p) => fileSize(dir, p));
  const jsRaw = js.reduce((n, f) => n + f.raw, 0);
  const jsGzip = js.reduce((n, f) => n + f.gzip, 0);
  const budget = BUDGETS[kind] ?? null;
  return {
    kind,
    source,
    js,
    lazy: graph.lazy.map((p) => fileSize(dir, p)),
    css: [...new Set(css)].map((p) => fileSize(dir, p)),
    html,
    jsRaw,
    jsGzip,
    budget,
    withinBudget: budget === null ? null : jsGzip <= budget,
  };
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  options_ui?: { page?: string };
  options_page?: string;
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [relative(base, full)];
  });
}

/** Sizes of every entry point of the build in `dir`. */
export function measureBuild(dir: string, browser = dir.split(/[\\/]/).pop() ?? dir): BuildSize {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const strip = (p: string) => p.replace(/^\//, '');
  const entries: EntrySize[] = [];

  const bg = manifest.background;
  if (bg?.service_worker) {
    entries.push(
      entryOf(dir, 'background', bg.service_worker, [strip(bg.service_worker)], [], null),
    );
  } else if (bg?.scripts?.length) {
    entries.push(entryOf(dir, 'background', bg.scripts.join(' '), bg.scripts.map(strip), [], null));
  } else if (bg?.page) {
    entries.push(htmlEntry(dir, 'background', strip(bg.page)));
  }
  const contentJs = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map(strip);
  const contentCss = (manifest.content_scripts ?? []).flatMap((c) => c.css ?? []).map(strip);
  if (contentJs.length) {
    entries.push(
      entryOf(dir, 'content', contentJs.join(' '), [...new Set(contentJs)], contentCss, null),
    );
  }
  const panel = manifest.side_panel?.default_path ?? manifest.sidebar_action?.default_panel;
  if (panel) entries.push(htmlEntry(dir, 'sidepanel', strip(panel)));
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) entries.push(htmlEntry(dir, 'options', strip(options)));
  const popup = manifest.action?.default_popup ?? manifest.browser_action?.default_popup;
  if (popup) entries.push(htmlEntry(dir, 'popup', strip(popup)));
  // Pages opened by URL only (WXT's unlisted pages, e.g. cv.html).
  const listed = new Set(entries.map((e) => e.source));
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.html') && !listed.has(name)) {
      entries.push(htmlEntry(dir, `page:${name.replace(/\.html$/, '')}`, name));
    }
  }

  const allJs = new Map<string, FileSize>();
  for (const e of entries) for (const f of [...e.js, ...e.lazy]) allJs.set(f.path, f);
  const files = walk(dir).map((p) => fileSize(dir, p.split(/[\\/]/).join('/')));
  const sum = (list: FileSize[]) => ({
    raw: list.reduce((n, f) => n + f.raw, 0),
    gzip: list.reduce((n, f) => n + f.gzip, 0),
    files: list.length,
  });
  return {
    browser,
    dir,
    entries,
    totalJs: sum([...allJs.values()]),
    totalAll: sum(files),
    overBudget: entries
      .filter((e) => e.withinBudget === false)
      .map((e) => ({ kind: e.kind, gzip: e.jsGzip, budget: e.budget ?? 0 })),
  };
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** A plain-text table of one build's sizes. */
export function formatBuild(size: BuildSize): string {
  const rows: string[][] = [['entry', 'JS raw', 'JS gzip', 'budget', '', 'files (gzip)']];
  for (const e of size.entries) {
    rows.push([
      e.kind,
      kB(e.jsRaw),
      kB(e.jsGzip),
      e.budget === null ? '-' : `< ${kB(e.budget)}`,
      e.withinBudget === null ? '' : e.withinBudget ? 'ok' : 'OVER',
      [
        ...e.js.map((f) => `${f.path} ${kB(f.gzip)}`),
        ...e.lazy.map((f) => `lazy ${f.path} ${kB(f.gzip)}`),
        ...e.css.map((f) => `${f.path} ${kB(f.gzip)}`),
      ].join(', '),
    ]);
  }
  rows.push([
    'all JS',
    kB(size.totalJs.raw),
    kB(size.totalJs.gzip),
    '',
    '',
    `${size.totalJs.files} files`,
  ]);
  rows.push([
    'whole build',
    kB(size.totalAll.raw),
    kB(size.totalAll.gzip),
    '',
    '',
    `${size.totalAll.files} files`,
  ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const lines = rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return [`${size.browser} (${relative(ROOT, size.dir) || size.dir})`, ...lines].join('\n');
}

function main() {
  const { values } = parseArgs({
    options: {
      browser: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: tsx scripts/bundle-size.ts [--browser chrome|firefox] [--json]\n' +
        'Prints the gzipped size of each entry point of the built extension and exits 1 when\n' +
        'one exceeds its budget (BUDGETS in this file). Build first: npm run build.',
    );
    return 0;
  }
  const asked = values.browser;
  if (asked !== undefined && !(asked in BUILDS)) {
    console.error(`--browser must be one of: ${Object.keys(BUILDS).join(', ')}`);
    return 2;
  }
  const browsers: BrowserName[] = asked
    ? [asked as BrowserName]
    : (['chrome', 'firefox'] as const).filter((b) => b === 'chrome' || existsSync(BUILDS[b]));
  const results: BuildSize[] = [];
  for (const b of browsers) {
    const dir = BUILDS[b];
    if (!existsSync(join(dir, 'manifest.json'))) {
      console.error(
        `No build in ${relative(ROOT, dir)}: run npm run build${b === 'chrome' ? '' : `:${b}`} first.`,
      );
      return 2;
    }
    results.push(measureBuild(dir, b));
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else console.log(results.map(formatBuild).join('\n\n'));
  const over = results.flatMap((r) => r.overBudget.map((o) => ({ ...o, browser: r.browser })));
  for (const o of over) {
    console.error(
      `${o.browser}: ${o.kind} is ${kB(o.gzip)} gzipped, over its budget of ${kB(o.budget)}`,
    );
  }
  return over.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main();
}
