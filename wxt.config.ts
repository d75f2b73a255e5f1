import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The demo build (`--mode demo`) talks to the bundled mock on loopback; every other build
 * talks to Linkup only. The address is fixed at build time so the production bundle holds no
 * switch a page could flip.
 */
const DEMO_API_BASE = 'http://127.0.0.1:47831';

export default defineConfig({
  // Explicit imports everywhere: auto-imports pick one silently when two utils share a name.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: (env) => ({
    plugins: [preact()],
    define: {
      'import.meta.env.LINKUP_API_BASE': JSON.stringify(
        env.mode === 'demo' ? DEMO_API_BASE : 'https://api.linkupapi.com',
      ),
    },
  }),
  zip: {
    // The Firefox sources zip (for AMO review) holds what rebuilds the add-on and nothing
    // else: no tests, dev scripts or lint/test configs. Build steps: store/SOURCE-BUILD.md.
    excludeSources: [
      '.output/**',
      'demo-screenshots/**',
      'bench-results/**',
      'tests/**',
      'scripts/**',
      'playwright.config.ts',
      'vitest.config.ts',
      'biome.json',
      'store/listing.md',
      'store/screenshots.ts',
    ],
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: [
      'https://api.linkupapi.com/*',
      '*://*.linkedin.com/*',
      ...(mode === 'demo' ? [`${DEMO_API_BASE}/*`] : []),
    ],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      // Alt+Shift+A: free in Chrome, Firefox and LinkedIn's own shortcuts (checked 2026-11).
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'applicant-panel@applicant-panel.dev',
              strict_min_version: '140.0',
              // What leaves the browser: the user's Linkup key, and the job ID read from the
              // LinkedIn page the user is on (sent to Linkup only when they pull).
              data_collection_permissions: { required: ['authenticationInfo', 'websiteActivity'] },
            },
          },
        }
      : {}),
  }),
});
