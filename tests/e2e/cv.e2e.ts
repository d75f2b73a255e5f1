import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const rows = (page: Page) => page.getByRole('list', { name: 'Candidates' }).getByRole('listitem');

async function openCandidate(panel: Page, index: number) {
  await rows(panel).nth(index).getByRole('button').click();
  await expect(panel.getByRole('heading', { name: 'CV' })).toBeVisible();
}

async function backToList(panel: Page) {
  await panel.getByRole('button', { name: /Back to list/ }).click();
}

test('CVs: fetched once, typed by their bytes, viewable and downloadable offline', async ({
  ext,
}) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000003');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();

  // Zoë Ångström: a PDF.
  await openCandidate(panel, 0);
  await panel.getByRole('button', { name: 'Get CV' }).click();
  await expect(panel.getByText(/Stored: PDF/)).toBeVisible({ timeout: 30_000 });
  const [pdf] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download CV' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^CV - Zoë Ångström - \d+\.pdf$/);
  expect(
    readFileSync((await pdf.path()) ?? '')
      .subarray(0, 4)
      .toString('latin1'),
  ).toBe('%PDF');
  await backToList(panel);

  // José Núñez: a DOCX that Linkup labels application/pdf; the bytes decide.
  await openCandidate(panel, 1);
  await panel.getByRole('button', { name: 'Get CV' }).click();
  await expect(panel.getByText(/Stored: Word document/)).toBeVisible({ timeout: 30_000 });
  // Not viewable inline: the CV tab offers it as a download.
  const [docTab] = await Promise.all([
    ext.context.waitForEvent('page'),
    panel.getByRole('button', { name: 'Open CV' }).click(),
  ]);
  await expect(docTab.getByText(/cannot show/)).toBeVisible();
  await expect(docTab.locator('iframe')).toHaveCount(0);
  await docTab.close();
  const [docx] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download CV' }).click(),
  ]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  expect(readFileSync((await docx.path()) ?? '').subarray(0, 4)).toEqual(
    Buffer.from([0x50, 0x4b, 3, 4]),
  );
  await backToList(panel);

  // 李雷: no CV on file.
  await openCandidate(panel, 2);
  await panel.getByRole('button', { name: 'Get CV' }).click();
  await expect(panel.getByText('LinkedIn has no CV on file for this applicant.')).toBeVisible({
    timeout: 30_000,
  });
  await backToList(panel);

  const cvRequests = () => ext.mock.requests.filter((r) => r.action === 'get_cv').length;
  expect(cvRequests()).toBe(3);

  // Offline: the stored PDF opens in an extension tab and downloads, with no request.
  ext.setOnline(false);
  await ext.mock.close();
  await panel.reload();
  await openCandidate(panel, 0);
  await expect(panel.getByText(/Stored: PDF/)).toBeVisible();
  const [tab] = await Promise.all([
    ext.context.waitForEvent('page'),
    panel.getByRole('button', { name: 'Open CV' }).click(),
  ]);
  await expect(tab).toHaveURL(/cv\.html\?applicationId=\d+/);
  await expect(tab.locator('iframe')).toHaveAttribute('src', /^blob:chrome-extension:/);
  await expect(tab.getByRole('heading', { level: 1 })).toContainText('Zoë Ångström');
  const [again] = await Promise.all([
    tab.waitForEvent('download'),
    tab.getByRole('button', { name: 'Download CV' }).click(),
  ]);
  expect(again.suggestedFilename()).toMatch(/\.pdf$/);
});

test('CV errors are explained and store nothing', async ({ ext }) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000003');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();
  await openCandidate(panel, 0);
  ext.mock.setFaults({ error: { code: 'INSUFFICIENT_CREDITS' }, onlyActions: ['get_cv'] });
  await panel.getByRole('button', { name: 'Get CV' }).click();
  await expect(panel.getByRole('alert')).toContainText('no credits left');
  await expect(panel.getByRole('button', { name: 'Get CV' })).toBeVisible();
  ext.mock.setFaults({ invalidJson: {}, onlyActions: ['get_cv'] });
  await panel.getByRole('button', { name: 'Get CV' }).click();
  await expect(panel.getByRole('alert')).toContainText(/unexpected page|cannot read|damaged/);
  await expect(panel.getByRole('button', { name: 'Get CV' })).toBeVisible();
  ext.mock.clearFaults();
  await panel.getByRole('button', { name: 'Get CV' }).click();
  await expect(panel.getByText(/Stored: PDF/)).toBeVisible({ timeout: 30_000 });
});

test('Get CVs fetches the candidates shown, with progress, and never pays twice', async ({
  ext,
}) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000003');
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('3 candidates', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Get CVs (3)' }).click();
  await expect(panel.getByText(/CVs done: 2 stored, 1 without a CV/)).toBeVisible({
    timeout: 30_000,
  });
  const first = ext.mock.requests.filter((r) => r.action === 'get_cv').length;
  expect(first).toBe(3);
  await panel.getByRole('button', { name: 'Get CVs (3)' }).click();
  await expect(panel.getByText(/CVs done: 2 stored/)).toBeVisible();
  // Stored CVs are never asked for again (the "no CV" answer is remembered for a while too).
  expect(ext.mock.requests.filter((r) => r.action === 'get_cv').length).toBe(first);
  // The CSV says which candidates have a CV.
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv).toMatch(/CV stored/i);
});
