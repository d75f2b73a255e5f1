import type { browser } from 'wxt/browser';
import { expect, test } from './fixtures';

type Chrome = typeof browser;

test('follows in-page navigation between jobs and away from them', async ({ ext }) => {
  const linkedin = await ext.openLinkedIn('https://www.linkedin.com/jobs/view/4341315847/');
  const panel = await ext.openPanel();
  const header = panel.locator('header');
  await expect(header).toContainText('4341315847');

  // LinkedIn's single-page navigation: pushState, no reload.
  await linkedin.getByRole('link', { name: 'Data Analyst applicants' }).click();
  await expect(header).toContainText('4000000003');
  await expect(header).toContainText('Data Analyst');

  await linkedin.getByRole('link', { name: 'Feed' }).click();
  await expect(header).toContainText('No job selected');

  await linkedin.getByRole('link', { name: 'Senior Frontend Engineer' }).click();
  await expect(header).toContainText('4341315847');
});

test('a full navigation to another URL form is detected too', async ({ ext }) => {
  const linkedin = await ext.openLinkedIn(
    'https://www.linkedin.com/hiring/jobs/3673652843/applicants/19205269753/detail/?r=UNRATED%2CGOOD_FIT',
  );
  const panel = await ext.openPanel();
  await expect(panel.locator('header')).toContainText('3673652843');
  await expect(panel.locator('header')).not.toContainText('19205269753');
  await linkedin.goto(
    'https://www.linkedin.com/jobs/search/?currentJobId=3577461385&geoId=102221843',
  );
  await expect(panel.locator('header')).toContainText('3577461385');
  await linkedin.goto('https://www.linkedin.com/my-items/posted-jobs/');
  await expect(panel.locator('header')).toContainText('No job selected');
});

test('closing the job’s tab clears it', async ({ ext }) => {
  const linkedin = await ext.openLinkedIn('https://www.linkedin.com/jobs/view/4341315847/');
  const panel = await ext.openPanel();
  await expect(panel.locator('header')).toContainText('4341315847');
  await linkedin.close();
  await expect(panel.locator('header')).toContainText('No job selected');
});

test('?jobId= opens that job whatever the tabs show', async ({ ext }) => {
  await ext.openLinkedIn('https://www.linkedin.com/jobs/view/4341315847/');
  const panel = await ext.openPanel('?jobId=4000000003');
  await expect(panel.locator('header')).toContainText('4000000003');
  await expect(panel.locator('header')).not.toContainText('4341315847');
});

test('the content script never changes LinkedIn’s page', async ({ ext }) => {
  const linkedin = await ext.openLinkedIn('https://www.linkedin.com/jobs/view/4341315847/');
  const panel = await ext.openPanel();
  await expect(panel.locator('header')).toContainText('4341315847');
  const html = await linkedin.evaluate(() => document.documentElement.outerHTML);
  await linkedin.getByRole('link', { name: 'Data Analyst applicants' }).click();
  await expect(panel.locator('header')).toContainText('4000000003');
  const after = await linkedin.evaluate(() => document.documentElement.outerHTML);
  // Only the fake page's own script changed the heading and title.
  const normalise = (s: string) =>
    s.replace(/<title>.*?<\/title>/, '').replace(/<h1 id="heading">.*?<\/h1>/, '');
  expect(normalise(after)).toBe(normalise(html));
});

test('the badge marks a detected job, then shows its cached count with when it was pulled', async ({
  ext,
}) => {
  await ext.configure();
  await ext.openLinkedIn('https://www.linkedin.com/hiring/jobs/4000000003/applicants/');
  const badge = async () =>
    (await ext.worker()).evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const [tab] = await chrome.tabs.query({ url: '*://*.linkedin.com/*' });
      return {
        text: await chrome.action.getBadgeText({ tabId: tab?.id }),
        title: await chrome.action.getTitle({ tabId: tab?.id }),
      };
    });
  await expect.poll(async () => (await badge()).text).toBe('•');
  const panel = await ext.openPanel();
  await expect(panel.locator('header')).toContainText('4000000003');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();
  await expect.poll(async () => (await badge()).text).toBe('3');
  expect((await badge()).title).toMatch(/3 cached candidates of job 4000000003, pulled /);
});

test('a tab that leaves LinkedIn for another site no longer counts as showing the job', async ({
  ext,
}) => {
  const linkedin = await ext.openLinkedIn('https://www.linkedin.com/jobs/view/4341315847/');
  const panel = await ext.openPanel();
  await expect(panel.locator('header')).toContainText('4341315847');
  // Any other site (here the loopback mock): no tabs permission, so no URL in the update.
  await linkedin.goto(`${ext.mock.url}/v2/credits`);
  await expect(panel.locator('header')).toContainText('No job selected');
});
