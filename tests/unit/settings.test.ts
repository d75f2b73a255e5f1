import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getPanelDb } from '../../utils/db/open';
import {
  accountIdItem,
  addCreditsSpent,
  creditGuardItem,
  creditsSpentItem,
  filterStatesItem,
  getApiKey,
  getCredentials,
  maskKey,
  setApiKey,
  setDraftApiKey,
  takeDraftApiKey,
} from '../../utils/settings';

beforeEach(async () => {
  fakeBrowser.reset();
  // The key lives in the extension's IndexedDB (one shared connection): start each test empty.
  await (await getPanelDb()).clear('secrets');
});

describe('settings', () => {
  it('has defaults', async () => {
    expect(await accountIdItem.getValue()).toBe('');
    expect(await creditGuardItem.getValue()).toBe(50);
    expect(await creditsSpentItem.getValue()).toBe(0);
    expect(await filterStatesItem.getValue()).toEqual({});
  });

  it('keeps the API key out of browser.storage, where content scripts could read it', async () => {
    await setApiKey('  secret-key-1234  ');
    await accountIdItem.setValue('acc_demo');
    expect(await getApiKey()).toBe('secret-key-1234');
    const everything = JSON.stringify({
      local: await fakeBrowser.storage.local.get(null),
      sync: await fakeBrowser.storage.sync.get(null),
      session: await fakeBrowser.storage.session.get(null),
    });
    expect(everything).toContain('acc_demo');
    expect(everything).not.toContain('secret-key-1234');
    expect(await getCredentials()).toEqual({ apiKey: 'secret-key-1234', accountId: 'acc_demo' });
  });

  it('clears the key when saved empty', async () => {
    await setApiKey('k');
    await setApiKey('   ');
    expect(await getApiKey()).toBe('');
  });

  it('hands the draft key over once and forgets it', async () => {
    await setDraftApiKey('draft-key');
    expect(await takeDraftApiKey()).toBe('draft-key');
    expect(await takeDraftApiKey()).toBe('');
    expect(await getApiKey()).toBe('');
  });

  it('adds credits to the running total', async () => {
    await addCreditsSpent(10);
    await addCreditsSpent(5);
    expect(await creditsSpentItem.getValue()).toBe(15);
  });

  it.each([
    ['', ''],
    ['abc', '•••'],
    ['abcd', '••••'],
    ['sk-live-123456', '••••3456'],
  ])('masks %j as %j', (key, masked) => {
    expect(maskKey(key)).toBe(masked);
  });
});
