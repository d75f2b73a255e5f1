import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ACCOUNT, launch, VALID_KEY } from './harness';

test('saves the key and account, and they survive a restart of the browser', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'ap-restart-'));
  try {
    const first = await launch({ userDataDir: profile });
    await first.configure(VALID_KEY, ACCOUNT);
    await first.close();

    const second = await launch({ userDataDir: profile });
    const page = await second.openOptions();
    await expect(page.getByLabel('API key', { exact: true })).toHaveValue(VALID_KEY);
    await expect(page.getByLabel('API key', { exact: true })).toHaveAttribute('type', 'password');
    await expect(page.getByLabel('Account ID', { exact: true })).toHaveValue(ACCOUNT);
    await page.getByRole('button', { name: 'Show key' }).click();
    await expect(page.getByLabel('API key', { exact: true })).toHaveAttribute('type', 'text');
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('Test connection shows the balance for a good key, without saving it', async ({ ext }) => {
  const page = await ext.openOptions();
  await page.getByLabel('API key', { exact: true }).fill(VALID_KEY);
  await page.getByLabel('Account ID', { exact: true }).fill(ACCOUNT);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status')).toContainText('4,825 credits');
  const credits = ext.mock.requests.filter((r) => r.path === '/v2/credits');
  expect(credits.length).toBeGreaterThan(0);
  expect(credits.at(-1)?.apiKey).toBe(VALID_KEY);
  // The accounts of the key fill the picker.
  await expect(page.getByLabel('Connected accounts of this key')).toBeVisible();
  // Nothing was saved by testing.
  await page.reload();
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
});

test('Test connection names the key when Linkup refuses it', async ({ ext }) => {
  const page = await ext.openOptions();
  await page.getByLabel('API key', { exact: true }).fill('wrong-key');
  await page.getByLabel('Account ID', { exact: true }).fill(ACCOUNT);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('API key');
  await expect(status).not.toContainText('INVALID_API_KEY');
  await expect(status).not.toContainText('{');
});

test('Test connection says when the account ID is not this key’s', async ({ ext }) => {
  const page = await ext.openOptions();
  await page.getByLabel('API key', { exact: true }).fill(VALID_KEY);
  await page.getByLabel('Account ID', { exact: true }).fill('acc_unknown');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status')).toContainText('account ID was not found');
});

test('the key is out of reach of content scripts and LinkedIn pages', async ({ ext }) => {
  await ext.configure(VALID_KEY, ACCOUNT);
  const page = await ext.openLinkedIn('https://www.linkedin.com/jobs/view/4341315847/');
  await expect
    .poll(async () => (await page.evaluate(() => document.title)).length)
    .toBeGreaterThan(0);
  const fromContentScript = await page.evaluate(async () => {
    // The page's own world cannot see extension APIs at all.
    return typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage;
  });
  expect(fromContentScript).toBe('undefined');
  // In the isolated world: run a probe through the DevTools protocol.
  const cdp = await ext.context.newCDPSession(page);
  const contexts: { id: number; name: string; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated')).toBe(true);
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated');
  const probe = await cdp.send('Runtime.evaluate', {
    contextId: isolated?.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async () => {
      const all = { ...(await chrome.storage.local.get(null)), ...(await chrome.storage.sync.get(null)) };
      let session = 'unreadable';
      try { session = JSON.stringify(await chrome.storage.session.get(null)); } catch {}
      return JSON.stringify(all) + ' ' + session;
    })()`,
  });
  const seen = String(probe.result.value);
  expect(seen).toContain(ACCOUNT); // the probe really ran in the content script's world
  expect(seen).not.toContain(VALID_KEY);
});
