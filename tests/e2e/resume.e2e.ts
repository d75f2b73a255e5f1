import { expect, test } from './fixtures';

test('a pull survives the service worker being stopped mid-pull and resumes where it was', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  await ext.configure();
  ext.mock.setFaults({ latencyMs: 250, onlyActions: ['get_candidates'] });
  const panel = await ext.openPanel('?jobId=4000002500');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  const bar = panel.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', /^(5|6|7|8|9)00$/, { timeout: 30_000 });

  // Stop the extension's service worker the way Chrome does when it idles out.
  const cdp = await ext.context.newCDPSession(panel);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const stoppedAt = ext.mock.requests.filter((r) => r.action === 'get_candidates').length;
  await panel.waitForTimeout(1500);
  // Nothing is fetched while the worker is stopped (at most the request already in flight).
  expect(ext.mock.requests.filter((r) => r.action === 'get_candidates').length).toBeLessThanOrEqual(
    stoppedAt + 1,
  );

  // Any event wakes the worker (here: the panel asking for the current job); the pull resumes.
  ext.mock.clearFaults();
  await panel.reload();
  await expect(panel.getByText('2,500 candidates', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expect(panel.getByRole('progressbar')).toHaveCount(0);

  const offsets = ext.mock.requests
    .filter((r) => r.action === 'get_candidates')
    .map((r) => Number(r.params?.offset));
  const expected = Array.from({ length: 25 }, (_, i) => i * 100);
  expect(new Set(offsets)).toEqual(new Set(expected));
  // Stored pages were never fetched again: only the page in flight when the worker stopped may repeat.
  expect(offsets.length - expected.length).toBeLessThanOrEqual(1);
  await panel.reload();
  await expect(panel.getByText('2,500 candidates', { exact: true })).toBeVisible();
});
