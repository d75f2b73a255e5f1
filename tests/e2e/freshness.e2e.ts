import { expect, test } from './fixtures';

test('Check for new applicants costs at most 1 credit and says how many are new; a re-pull marks them', async ({
  ext,
}) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000003');
  await expect(panel.getByRole('button', { name: 'Check for new applicants' })).toHaveCount(0);
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();

  ext.mock.setJobSize('4000000003', 8);
  const before = ext.mock.credits;
  ext.mock.resetRequests();
  await panel.getByRole('button', { name: 'Check for new applicants' }).click();
  await expect(panel.getByText(/5 new applicants \(8 in all\)/)).toBeVisible();
  const check = ext.mock.requests.filter((r) => r.action === 'get_candidates');
  expect(check).toHaveLength(1);
  expect(before - ext.mock.credits).toBeLessThanOrEqual(1);
  // The check changed nothing in the cache.
  await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();

  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('8 candidates', { exact: true })).toBeVisible();
  await panel.getByText('Filters and sort').click();
  await expect(panel.getByLabel(/New since the previous pull \(5\)/)).toBeVisible();
});

test('a storm of 429s is ridden out with Retry-After, one request at a time, and the pull completes', async ({
  ext,
}) => {
  await ext.configure();
  ext.mock.setFaults({
    error: { code: 'RATE_LIMITED', times: 3, afterRequests: 1, retryAfterSeconds: 1 },
    onlyActions: ['get_candidates'],
  });
  const panel = await ext.openPanel('?jobId=4341315847');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText(/waiting to retry/)).toBeVisible();
  await expect(panel.getByText('350 candidates', { exact: true })).toBeVisible({ timeout: 45_000 });
  const calls = ext.mock.requests.filter((r) => r.action === 'get_candidates');
  expect(calls.filter((r) => r.status === 429)).toHaveLength(3);
  // Retry-After: 1 s was honoured between the limited answers.
  for (let i = 1; i < calls.length; i++) {
    if (calls[i - 1]?.status === 429) {
      expect((calls[i]?.time ?? 0) - (calls[i - 1]?.time ?? 0)).toBeGreaterThanOrEqual(950);
    }
  }
  await expect(panel.getByRole('alert')).toHaveCount(0);
});
