import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { launch } from './harness';

const JOB = '4341315847';

async function pullJob(page: Page, count: string) {
  await page.getByRole('button', { name: /^Pull/ }).click();
  await expect(page.getByText(count, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

const rows = (page: Page) => page.getByRole('list', { name: 'Candidates' }).getByRole('listitem');

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('triage by keyboard only; decisions and notes survive a reload and a re-pull', async ({
  ext,
}) => {
  await ext.configure();
  const panel = await ext.openPanel(`?jobId=${JOB}`);
  await pullJob(panel, '350 candidates');
  const names = await rows(panel).locator('.row-name').allTextContents();

  const key = (k: string) => panel.keyboard.press(k);
  await key('j'); // first candidate
  await expect(rows(panel).first().getByRole('button')).toBeFocused();
  await key('1'); // shortlist
  await key('j');
  await key('3'); // reject
  await key('ArrowDown');
  await key('Enter'); // open the third
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(names[2] ?? '');
  await key('2'); // maybe
  await expect(panel.getByRole('button', { name: 'Maybe' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Into the notes field with Tab, type, and out with Esc.
  for (
    let i = 0;
    i < 12 && !(await panel.getByLabel('Notes').evaluate((el) => el === document.activeElement));
    i++
  ) {
    await key('Tab');
  }
  await expect(panel.getByLabel('Notes')).toBeFocused();
  await panel.keyboard.type('Strong portfolio, call on Monday');
  await key('Escape');
  await expect(panel.getByRole('searchbox', { name: 'Search candidates' })).toBeVisible();
  await key('?');
  await expect(panel.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await key('Escape');
  await expect(panel.getByRole('dialog')).toHaveCount(0);
  await key('/');
  await expect(panel.getByRole('searchbox', { name: 'Search candidates' })).toBeFocused();

  // A re-pull never touches the review.
  await pullJob(panel, '350 candidates');
  await panel.reload();
  await expect(rows(panel).nth(0)).toContainText('Shortlisted');
  await expect(rows(panel).nth(1)).toContainText('Rejected');
  await expect(rows(panel).nth(2)).toContainText('Your maybe');
  await rows(panel).nth(2).getByRole('button').click();
  await expect(panel.getByLabel('Notes')).toHaveValue('Strong portfolio, call on Monday');
  await expect(panel.getByRole('button', { name: 'Maybe' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Pressing the current decision again clears it.
  await panel.getByRole('button', { name: 'Maybe' }).click();
  await expect(panel.getByRole('button', { name: 'Maybe' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  // Filters combine with counts, and survive closing the panel.
  await panel.getByRole('button', { name: /Back to list/ }).click();
  await panel.getByText('Filters and sort').click();
  await expect(panel.getByLabel(/^Shortlisted \(1\)$/)).toBeVisible();
  await panel.getByLabel(/^Shortlisted/).check();
  await expect(rows(panel)).toHaveCount(1);
  await panel.close();
  const again = await ext.openPanel(`?jobId=${JOB}`);
  await expect(rows(again)).toHaveCount(1);
  await expect(rows(again).first()).toContainText(names[0] ?? '');
});

test('Export CSV downloads every candidate with the review, safe for spreadsheets', async ({
  ext,
}) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000666');
  await pullJob(panel, '5 candidates');
  await rows(panel).first().getByRole('button').click();
  await panel.getByRole('button', { name: 'Shortlist' }).click();
  await panel.getByLabel('Notes').fill('=1+1 looks fine');
  await panel.getByRole('button', { name: /Back to list/ }).click();
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^applicants-4000000666-.*\.csv$/);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.data).toHaveLength(5);
  for (const row of parsed.data) {
    for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  }
  expect(text).toContain("'=1+1 looks fine");
  expect(text.toLowerCase()).toContain('shortlist');
});

test('a JSON backup restores jobs, candidates, decisions, notes and CVs in a fresh profile', async ({
  ext,
}) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000003');
  await pullJob(panel, '3 candidates');
  // Zoë Ångström's CV, a PDF, fetched once here.
  await rows(panel).nth(0).getByRole('button').click();
  await panel.getByRole('button', { name: 'Get CV' }).click();
  await expect(panel.getByText(/Stored: PDF/)).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: /Back to list/ }).click();
  await rows(panel).nth(1).getByRole('button').click();
  await panel.getByRole('button', { name: 'Reject' }).click();
  await panel.getByLabel('Notes').fill('Not available until 2027');
  const options = await ext.openOptions();
  // Without the box ticked, the backup leaves the CV out.
  const includeCvs = options.getByLabel('Include CVs in the backup');
  await expect(includeCvs).not.toBeChecked();
  const [plain] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  expect(JSON.parse(readFileSync((await plain.path()) ?? '', 'utf8'))).not.toHaveProperty('cvs');
  await includeCvs.check();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  await expect(options.getByText(/Backup saved: .*, 1 CV\./)).toBeVisible();
  const file = (await download.path()) ?? '';
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const cvRequests = () => ext.mock.requests.filter((r) => r.action === 'get_cv').length;
  const cvRequestsBefore = cvRequests();

  const fresh = await launch({ mock: ext.mock });
  try {
    const opts = await fresh.openOptions();
    // A bad file is refused in plain words and changes nothing.
    await opts.getByLabel('Import backup').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(opts.getByText(/not an Applicant Panel backup/)).toBeVisible();
    await opts.getByLabel('Import backup').setInputFiles(file);
    await expect(opts.getByText(/Backup imported: .* merged; 1 CV added\./)).toBeVisible();
    const restored = await fresh.openPanel('?jobId=4000000003');
    await expect(restored.getByText('3 candidates', { exact: true })).toBeVisible();
    await expect(rows(restored).nth(1)).toContainText('Rejected');
    // The CV came with the backup: stored here without asking Linkup for it.
    await rows(restored).nth(0).getByRole('button').click();
    await expect(restored.getByText(/Stored: PDF/)).toBeVisible();
    await expect(restored.getByRole('button', { name: 'Get CV' })).toHaveCount(0);
    expect(cvRequests()).toBe(cvRequestsBefore);
    await restored.getByRole('button', { name: /Back to list/ }).click();
    await rows(restored).nth(1).getByRole('button').click();
    await expect(restored.getByLabel('Notes')).toHaveValue('Not available until 2027');
    // Importing the same backup again merges: no duplicates.
    await opts.getByLabel('Import backup').setInputFiles(file);
    await expect(opts.getByText(/merged; 0 CVs added\./)).toBeVisible();
    await restored.reload();
    await expect(restored.getByText('3 candidates', { exact: true })).toBeVisible();
    expect(cvRequests()).toBe(cvRequestsBefore);
  } finally {
    await fresh.close();
  }
});

test('deleting one job from the jobs view removes only its data', async ({ ext }) => {
  await ext.configure();
  const jobs: [string, string][] = [
    ['4000000003', '3 candidates'],
    ['4000000777', '38 candidates'],
  ];
  for (const [job, count] of jobs) {
    const p = await ext.openPanel(`?jobId=${job}`);
    await pullJob(p, count);
    await p.close();
  }
  const panel = await ext.openPanel();
  await expect(panel.getByRole('button', { name: /Job 4000000003/ })).toBeVisible();
  panel.once('dialog', (d) => void d.accept());
  await panel.getByRole('button', { name: 'Delete the data of job 4000000003' }).click();
  await expect(panel.getByRole('button', { name: /Job 4000000003/ })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /Job 4000000777/ })).toBeVisible();
});

test('Delete all data asks first, then empties the cache', async ({ ext }) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000003');
  await pullJob(panel, '3 candidates');
  const options = await ext.openOptions();
  options.once('dialog', (d) => void d.dismiss());
  await options.getByRole('button', { name: 'Delete all data' }).click();
  await panel.reload();
  await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();
  options.once('dialog', (d) => void d.accept());
  await options.getByRole('button', { name: 'Delete all data' }).click();
  await expect(options.getByText(/All applicant data was deleted/)).toBeVisible();
  await panel.reload();
  await expect(panel.getByText('0 candidates', { exact: true })).toBeVisible();
});

test('the panel, its detail view and the options page pass an axe check', async ({ ext }) => {
  await ext.configure();
  const panel = await ext.openPanel(`?jobId=${JOB}`);
  await pullJob(panel, '350 candidates');
  await panel.getByText('Filters and sort').click();
  expect(await axe(panel)).toEqual([]);
  await rows(panel).first().getByRole('button').click();
  await expect(panel.getByLabel('Notes')).toBeVisible();
  expect(await axe(panel)).toEqual([]);
  const empty = await ext.openPanel();
  await expect(empty.locator('header')).toContainText('No job selected');
  expect(await axe(empty)).toEqual([]);
  const options = await ext.openOptions();
  expect(await axe(options)).toEqual([]);
  await panel.emulateMedia({ colorScheme: 'dark' });
  expect(await axe(panel)).toEqual([]);
});
