/**
 * `npm run check:manifest [-- <build dir>...]`
 *
 * Reads the BUILT manifests (default `.output/chrome-mv3` and `.output/firefox-mv2`) and fails
 * unless each asks for exactly the minimal permissions below, its content scripts run on
 * LinkedIn only, and its version is package.json's. Run it after `npm run build` and
 * `npm run build:firefox`.
 *
 * A permission change must be deliberate: change ALLOWED below in the same commit, and justify
 * the permission in README.md and store/listing.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The allow-list. Every entry is justified in README.md ("Permissions") and store/listing.md. */
export const ALLOWED = {
  /** API permissions, per browser. */
  permissions: {
    // storage: settings (account ID, credit guard) and per-tab job state.
    // sidePanel: Chrome's side panel (Firefox uses the sidebar_action key, no permission).
    chrome: ['storage', 'sidePanel'],
    firefox: ['storage'],
  },
  /** Hosts: Linkup's API (every call, from the background only) and LinkedIn (job ID). */
  hosts: ['https://api.linkupapi.com/*', '*://*.linkedin.com/*'],
  /** Where the content script may run. */
  contentScriptMatches: ['*://*.linkedin.com/*'],
  geckoId: 'applicant-panel@applicant-panel.dev',
} as const;

const DELIBERATE =
  'A permission change must be deliberate: update ALLOWED in scripts/check-manifest.ts in the ' +
  'same commit and justify it in README.md and store/listing.md.';

export type Browser = 'chrome' | 'firefox';

interface Manifest {
  manifest_version?: number;
  version?: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; exclude_matches?: string[]; all_frames?: boolean }[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_security_policy?: unknown;
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[] } };
  };
  sidebar_action?: { open_at_install?: boolean };
  [key: string]: unknown;
}

/** A match pattern or `<all_urls>`: in MV2 hosts sit in `permissions` next to API names. */
function isHostPattern(p: string): boolean {
  return p === '<all_urls>' || p.includes('://');
}

function sameSet(actual: readonly string[], expected: readonly string[]): boolean {
  const a = new Set(actual);
  return a.size === actual.length && a.size === expected.length && expected.every((e) => a.has(e));
}

function show(list: readonly string[]): string {
  return list.length ? list.map((p) => JSON.stringify(p)).join(', ') : '(none)';
}

/** Every problem with one built manifest; an empty list means it passes. */
export function checkManifest(manifest: Manifest, browser: Browser, version: string): string[] {
  const problems: string[] = [];
  const all = manifest.permissions ?? [];
  const api = all.filter((p) => !isHostPattern(p));
  const hosts = [...all.filter(isHostPattern), ...(manifest.host_permissions ?? [])];

  if (!sameSet(api, ALLOWED.permissions[browser])) {
    problems.push(
      `permissions are ${show(api)}; the allow-list is ${show(ALLOWED.permissions[browser])}`,
    );
  }
  if (!sameSet(hosts, ALLOWED.hosts)) {
    problems.push(`host permissions are ${show(hosts)}; the allow-list is ${show(ALLOWED.hosts)}`);
  }
  const optional = [
    ...(manifest.optional_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  if (optional.length) problems.push(`optional permissions ${show(optional)} are not allowed`);

  const scripts = manifest.content_scripts ?? [];
  if (scripts.length === 0) problems.push('no content script (the LinkedIn job detector)');
  for (const [i, script] of scripts.entries()) {
    const matches = script.matches ?? [];
    const outside = matches.filter(
      (m) => !(ALLOWED.contentScriptMatches as readonly string[]).includes(m),
    );
    if (matches.length === 0 || outside.length) {
      problems.push(
        `content_scripts[${i}] matches ${show(matches)}; only ${show(ALLOWED.contentScriptMatches)} is allowed`,
      );
    }
  }
  if (manifest.externally_connectable !== undefined) {
    problems.push('externally_connectable lets web pages message the extension: not allowed');
  }
  if (manifest.web_accessible_resources !== undefined) {
    problems.push('web_accessible_resources exposes extension files to web pages: not allowed');
  }
  if (manifest.content_security_policy !== undefined) {
    problems.push('a custom content_security_policy replaces the strict default: not allowed');
  }
  if (manifest.version !== version) {
    problems.push(`version is ${manifest.version}; package.json says ${version}`);
  }

  if (browser === 'chrome') {
    if (manifest.manifest_version !== 3) problems.push('the Chrome build must be Manifest V3');
    if (manifest.browser_specific_settings) {
      problems.push('browser_specific_settings belongs in the Firefox build only');
    }
  } else {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (gecko?.id !== ALLOWED.geckoId) {
      problems.push(`gecko id is ${gecko?.id}; it must stay ${ALLOWED.geckoId}`);
    }
    if (!gecko?.data_collection_permissions?.required?.length) {
      problems.push('gecko.data_collection_permissions.required must be declared');
    }
    if (manifest.sidebar_action?.open_at_install !== false) {
      problems.push('sidebar_action.open_at_install must be false (no sidebar popping at install)');
    }
  }
  return problems;
}

function browserOf(dir: string): Browser {
  return /firefox/i.test(dir) ? 'firefox' : 'chrome';
}

function main(): number {
  const root = resolve(import.meta.dirname, '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const args = process.argv.slice(2);
  const dirs = args.length
    ? args.map((a) => resolve(a))
    : [join(root, '.output/chrome-mv3'), join(root, '.output/firefox-mv2')];
  let failed = 0;
  for (const dir of dirs) {
    const file = join(dir, 'manifest.json');
    const name = relative(root, file) || file;
    if (!existsSync(file)) {
      console.error(`✗ ${name}: missing. Build first (npm run build && npm run build:firefox).`);
      failed++;
      continue;
    }
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    const problems = checkManifest(manifest, browserOf(dir), version);
    if (problems.length === 0) {
      console.log(`✓ ${name}: minimal permissions, LinkedIn-only content script, v${version}`);
    } else {
      failed++;
      console.error(`✗ ${name}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  }
  if (failed) console.error(`\n${DELIBERATE}`);
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(main());
}
