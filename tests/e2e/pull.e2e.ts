import { expect, test } from './fixtures';

const JOB = '4341315847'; // 350 applicants in the mock

test('detects the job, pulls every applicant across pages, and reviews them offline', async ({
  ext,
}) => {
  await ext.configure();
  const linkedin = await ext.openLinkedIn(`https://www.linkedin.com/jobs/view/${JOB}/`);
  const panel = await ext.openPanel();
  // The panel (a tab here, so not a LinkedIn page) shows the most recent LinkedIn job tab.
  await expect(panel.locator('header')).toContainText(JOB);
  await expect(panel.locator('header')).toContainText('Senior Frontend Engineer');
  await expect(panel.getByText('0 candidates')).toBeVisible();
  // Opening the panel never spends credits: only the free balance check may be called.
  expect(ext.mock.requests.filter((r) => r.path !== '/v2/credits')).toHaveLength(0);

  await panel.getByRole('button', { name: /^Pull/ }).click();
  const bar = panel.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(panel.getByText('350 candidates')).toBeVisible({ timeout: 30_000 });
  await expect(bar).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Cancel' })).toHaveCount(0);

  const pages = ext.mock.requests.filter((r) => r.action === 'get_candidates');
  expect(pages.map((r) => r.params?.offset)).toEqual([0, 100, 200, 300]);
  for (const r of pages) {
    expect(r.hasApiKey).toBe(true);
    expect(r.contentType).toContain('application/json');
    expect(r.params?.job_id).toBe(JOB);
    expect(Number(r.params?.count) % 10).toBe(0);
    expect(r.params).not.toHaveProperty('ratings');
  }

  const list = panel.getByRole('list', { name: 'Candidates' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  // Virtualized: far fewer rows in the DOM than candidates.
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);

  // Search by experience company narrows the list.
  const firstName =
    (await list.getByRole('listitem').first().locator('.row-name').textContent()) ?? '';
  await panel.getByRole('searchbox', { name: 'Search candidates' }).fill(firstName);
  await expect(list.getByRole('listitem').first()).toContainText(firstName);

  // Offline: the mock is gone and Linkup unreachable; the cache still lists everyone.
  ext.setOnline(false);
  await ext.mock.close();
  await linkedin.close();
  await panel.close();
  const offline = await ext.openPanel(`?jobId=${JOB}`);
  await expect(offline.locator('header')).toContainText(JOB);
  await expect(offline.getByText('350 candidates')).toBeVisible();
  await expect(
    offline.getByRole('list', { name: 'Candidates' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(offline.getByText(/pulled/)).toBeVisible();
});

test('with no job in the window, the panel says so and lists the cached jobs', async ({ ext }) => {
  await ext.configure();
  const deep = await ext.openPanel('?jobId=4000000003');
  await deep.getByRole('button', { name: /^Pull/ }).click();
  await expect(deep.getByText('3 candidates')).toBeVisible();
  await deep.close();

  const panel = await ext.openPanel();
  await expect(panel.locator('header')).toContainText('No job selected');
  await expect(panel.getByText('4000000003')).toBeVisible();
  await panel.getByRole('button', { name: /Job 4000000003/ }).click();
  await expect(panel.locator('header')).toContainText('4000000003');
  await expect(panel.getByRole('list', { name: 'Candidates' }).getByRole('listitem')).toHaveCount(
    3,
  );
});

test('a re-pull merges: no duplicates, same count', async ({ ext }) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000003');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('3 candidates')).toBeVisible();
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  await panel.reload();
  await expect(panel.getByText('3 candidates')).toBeVisible();
  expect(ext.mock.requests.filter((r) => r.action === 'get_candidates')).toHaveLength(2);
});

test('a detail view shows experiences and the top-choice message as text', async ({ ext }) => {
  await ext.configure();
  const panel = await ext.openPanel(`?jobId=${JOB}`);
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('350 candidates')).toBeVisible({ timeout: 30_000 });
  const row = panel.getByRole('list', { name: 'Candidates' }).getByRole('listitem').first();
  const name = (await row.locator('.row-name').textContent()) ?? '';
  await row.getByRole('button').click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(panel.getByRole('heading', { name: 'Experience' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Open LinkedIn profile' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.linkedin\.com\//,
  );
  await panel.getByRole('button', { name: 'Back to list' }).click();
  await expect(panel.getByRole('searchbox', { name: 'Search candidates' })).toBeVisible();
});
