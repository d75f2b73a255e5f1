import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../scripts/check-manifest';

const chrome = () => ({
  manifest_version: 3,
  version: '1.2.3',
  permissions: ['storage', 'sidePanel'],
  host_permissions: ['https://api.linkupapi.com/*', '*://*.linkedin.com/*'],
  content_scripts: [{ matches: ['*://*.linkedin.com/*'] }],
});

const firefox = () => ({
  manifest_version: 2,
  version: '1.2.3',
  permissions: ['storage', 'https://api.linkupapi.com/*', '*://*.linkedin.com/*'],
  content_scripts: [{ matches: ['*://*.linkedin.com/*'] }],
  sidebar_action: { open_at_install: false },
  browser_specific_settings: {
    gecko: {
      id: 'applicant-panel@applicant-panel.dev',
      data_collection_permissions: { required: ['personallyIdentifyingInfo'] },
    },
  },
});

describe('check-manifest', () => {
  it('passes the minimal Chrome MV3 and Firefox MV2 manifests', () => {
    expect(checkManifest(chrome(), 'chrome', '1.2.3')).toEqual([]);
    expect(checkManifest(firefox(), 'firefox', '1.2.3')).toEqual([]);
  });

  it('passes a Firefox MV3 manifest with the same hosts in host_permissions', () => {
    const m = { ...firefox(), manifest_version: 3, permissions: ['storage'] };
    expect(
      checkManifest({ ...m, host_permissions: chrome().host_permissions }, 'firefox', '1.2.3'),
    ).toEqual([]);
  });

  it('fails on any added permission, host or optional permission', () => {
    expect(
      checkManifest(
        { ...chrome(), permissions: ['storage', 'sidePanel', 'tabs'] },
        'chrome',
        '1.2.3',
      ),
    ).toEqual([expect.stringContaining('"tabs"')]);
    const wide = { ...chrome(), host_permissions: [...chrome().host_permissions, '<all_urls>'] };
    expect(checkManifest(wide, 'chrome', '1.2.3')[0]).toContain('<all_urls>');
    // The demo build's loopback host must never ship.
    const demo = {
      ...firefox(),
      permissions: [...firefox().permissions, 'http://127.0.0.1:47831/*'],
    };
    expect(checkManifest(demo, 'firefox', '1.2.3')[0]).toContain('127.0.0.1');
    const optional = { ...chrome(), optional_host_permissions: ['https://*/*'] };
    expect(checkManifest(optional, 'chrome', '1.2.3')[0]).toContain('optional');
  });

  it('fails when a permission is missing', () => {
    expect(
      checkManifest({ ...chrome(), permissions: ['storage'] }, 'chrome', '1.2.3'),
    ).toHaveLength(1);
  });

  it('fails when a content script runs outside LinkedIn', () => {
    const m = { ...chrome(), content_scripts: [{ matches: ['*://*.linkedin.com/*', '*://*/*'] }] };
    expect(checkManifest(m, 'chrome', '1.2.3')[0]).toContain('content_scripts[0]');
  });

  it('fails on a version other than package.json', () => {
    expect(checkManifest(chrome(), 'chrome', '2.0.0')[0]).toContain('package.json');
  });

  it('fails a Firefox build without its gecko settings or with a sidebar opening at install', () => {
    const { browser_specific_settings: _, ...bare } = firefox();
    expect(checkManifest(bare, 'firefox', '1.2.3')).toHaveLength(2);
    const opens = { ...firefox(), sidebar_action: {} };
    expect(checkManifest(opens, 'firefox', '1.2.3')[0]).toContain('open_at_install');
  });

  it('fails on surfaces that let web pages reach the extension', () => {
    const m = { ...chrome(), externally_connectable: { matches: ['*://*/*'] } };
    expect(checkManifest(m, 'chrome', '1.2.3')[0]).toContain('externally_connectable');
    const w = { ...chrome(), web_accessible_resources: [] };
    expect(checkManifest(w, 'chrome', '1.2.3')[0]).toContain('web_accessible_resources');
  });
});
