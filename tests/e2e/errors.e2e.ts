import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TINY = '4000000003'; // 3 applicants
const DEMO = '4341315847'; // 350 applicants

async function pulled(page: Page, text: string) {
  await page.getByRole('button', { name: /^Pull/ }).click();
  await expect(page.getByText(text, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

const NOT_RETRIED = [
  ['INVALID_API_KEY', /API key/, true],
  ['ACCOUNT_INACTIVE', /disconnected from Linkup/, false],
  ['INVALID_ACCOUNT', /LinkedIn account not found/, true],
  ['INVALID_PARAMS', /Linkup rejected the request: job_id is odd/, false],
  ['INVALID_ACTION', /did not recognise a request/, false],
  ['INSUFFICIENT_CREDITS', /no credits left/, false],
  ['CHANNEL_ERROR', /LinkedIn refused upstream/, false],
] as const;

test('every error code ends in a plain-words alert, is not retried, and keeps the cache', async ({
  ext,
}) => {
  await ext.configure();
  const panel = await ext.openPanel(`?jobId=${TINY}`);
  await pulled(panel, '3 candidates');
  for (const [code, words, pointsToOptions] of NOT_RETRIED) {
    ext.mock.resetRequests();
    ext.mock.setFaults({
      error: {
        code,
        message: code === 'CHANNEL_ERROR' ? 'LinkedIn refused upstream' : 'job_id is odd',
      },
      onlyActions: ['get_candidates'],
    });
    await panel.getByRole('button', { name: /^Pull/ }).click();
    const alert = panel.getByRole('alert');
    await expect(alert, code).toContainText(words);
    // No error code, JSON, HTML, class name or stack frame: only words.
    for (const raw of [code, '{', '<', 'LinkupError', /\bat \S+:\d+/]) {
      await expect(alert).not.toContainText(raw);
    }
    await expect(panel.getByRole('button', { name: 'Open options' })).toHaveCount(
      pointsToOptions ? 1 : 0,
    );
    await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();
    expect(
      ext.mock.requests.filter((r) => r.action === 'get_candidates'),
      code,
    ).toHaveLength(1);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  ext.mock.clearFaults();
  await panel.reload();
  await expect(panel.getByRole('list', { name: 'Candidates' }).getByRole('listitem')).toHaveCount(
    3,
  );
});

test('HTML and unreadable bodies get their own messages; the cache stays', async ({ ext }) => {
  await ext.configure();
  const panel = await ext.openPanel(`?jobId=${TINY}`);
  await pulled(panel, '3 candidates');
  const cases = [
    [{ html: { status: 403 } }, /unexpected page \(HTTP 403\)/],
    [{ invalidJson: {} }, /unexpected page|cannot read/],
    [{ schemaViolation: {} }, /cannot read/],
  ] as const;
  for (const [fault, words] of cases) {
    ext.mock.setFaults({ ...fault, onlyActions: ['get_candidates'] });
    await panel.getByRole('button', { name: /^Pull/ }).click();
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText(words);
    await expect(alert).not.toContainText('<');
    await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  // The Cloudflare-like page's script never ran anywhere.
  expect(await panel.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});

test('a 429 and a 502 are retried with a visible wait, then the pull goes on', async ({ ext }) => {
  await ext.configure();
  const panel = await ext.openPanel(`?jobId=${DEMO}`);
  ext.mock.setFaults({
    error: { code: 'RATE_LIMITED', times: 1, afterRequests: 1, retryAfterSeconds: 1 },
    html: { status: 502, times: 1, afterRequests: 2 },
    onlyActions: ['get_candidates'],
  });
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText(/waiting to retry/)).toBeVisible();
  await expect(panel.getByText('350 candidates', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('alert')).toHaveCount(0);
  const offsets = ext.mock.requests
    .filter((r) => r.action === 'get_candidates')
    .map((r) => r.params?.offset);
  expect(offsets.length).toBeGreaterThanOrEqual(6);
  expect(new Set(offsets)).toEqual(new Set([0, 100, 200, 300]));
});

test('a connection that keeps dropping mid-pull: whole pages kept, alert within about 30 s, re-pull completes', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  await ext.configure();
  const panel = await ext.openPanel(`?jobId=${DEMO}`);
  ext.mock.setFaults({ dropConnection: { afterRequests: 2 }, onlyActions: ['get_candidates'] });
  const started = Date.now();
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByRole('alert')).toContainText(/could not be reached/, { timeout: 45_000 });
  expect(Date.now() - started).toBeLessThan(40_000);
  await expect(panel.getByText('200 candidates', { exact: true })).toBeVisible();
  await expect(panel.getByRole('progressbar')).toHaveCount(0);

  ext.mock.clearFaults();
  await pulled(panel, '350 candidates');
  await panel.reload();
  await expect(panel.getByText('350 candidates', { exact: true })).toBeVisible();
});

test('records that cannot be read are skipped and counted in an alert', async ({ ext }) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000777');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('38 candidates', { exact: true })).toBeVisible();
  await expect(panel.getByRole('alert')).toContainText(
    '2 candidate records could not be read and were skipped',
  );
});

test('a pull without a key says where to add it', async ({ ext }) => {
  const panel = await ext.openPanel(`?jobId=${TINY}`);
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByRole('alert')).toContainText('Add your Linkup API key and account ID');
  await expect(panel.getByRole('button', { name: 'Open options' })).toBeVisible();
  expect(ext.mock.requests.filter((r) => r.action === 'get_candidates')).toHaveLength(0);
});

test('Cancel stops the pull and keeps the pages already stored', async ({ ext }) => {
  await ext.configure(undefined, undefined, 0);
  const panel = await ext.openPanel('?jobId=4000002500');
  ext.mock.setFaults({ latencyMs: 400, onlyActions: ['get_candidates'] });
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '2500');
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^(2|3|4)00$/);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  await panel.reload();
  const text = await panel.getByText(/^\d[\d,]* candidates$/).textContent();
  const kept = Number(text?.replace(/\D/g, ''));
  expect(kept % 100).toBe(0);
  expect(kept).toBeGreaterThanOrEqual(200);
  expect(kept).toBeLessThan(2500);
  const requests = ext.mock.requests.filter((r) => r.action === 'get_candidates').length;
  await panel.waitForTimeout(1000);
  expect(ext.mock.requests.filter((r) => r.action === 'get_candidates').length).toBe(requests);
});

test('the credit guard pauses a costly pull: Stop keeps what was fetched, Continue goes on', async ({
  ext,
}) => {
  await ext.configure(undefined, undefined, 50);
  const panel = await ext.openPanel('?jobId=4000002500');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  const guard = panel.getByRole('group', { name: 'Credit guard' });
  await expect(guard).toContainText('240 credits');
  await expect(panel.getByText('100 candidates', { exact: true })).toBeVisible();
  expect(ext.mock.requests.filter((r) => r.action === 'get_candidates')).toHaveLength(1);
  await guard.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  await expect(panel.getByText('100 candidates', { exact: true })).toBeVisible();

  await panel.getByRole('button', { name: /^Pull/ }).click();
  await guard.getByRole('button', { name: 'Continue' }).click();
  await expect(panel.getByText('2,500 candidates', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
});
