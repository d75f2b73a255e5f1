import { expect, test } from './fixtures';

test('XSS payloads in every field render as text and a javascript: profile URL is inert', async ({
  ext,
}) => {
  await ext.configure();
  const panel = await ext.openPanel('?jobId=4000000666');
  const dialogs: string[] = [];
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await panel.getByRole('button', { name: /^Pull/ }).click();
  await expect(panel.getByText('5 candidates', { exact: true })).toBeVisible();
  const list = panel.getByRole('list', { name: 'Candidates' });
  await expect(list.getByRole('listitem')).toHaveCount(5);
  // The payloads are visible as literal text...
  await expect(list).toContainText('<img src=x onerror=');
  // ...and nothing they contain became markup.
  expect(await list.locator('img, script, svg, iframe').count()).toBe(0);

  for (let i = 0; i < 5; i++) {
    await list.getByRole('listitem').nth(i).getByRole('button').click();
    const detail = panel.locator('article');
    await expect(detail).toBeVisible();
    expect(await detail.locator('img, script, svg, iframe, object, embed').count()).toBe(0);
    for (const href of await detail
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^https:\/\/(www\.)?linkedin\.com\//);
    }
    await panel.getByRole('button', { name: /Back to list/ }).click();
  }
  // Exactly one of the five profile URLs is a real https LinkedIn address.
  await list.getByRole('listitem').nth(2).getByRole('button').click();
  await expect(panel.getByRole('link', { name: 'Open LinkedIn profile' })).toHaveAttribute(
    'href',
    'https://www.linkedin.com/in/proper-profile-xss-test',
  );
  await panel.getByRole('button', { name: /Back to list/ }).click();
  await list.getByRole('listitem').nth(0).getByRole('button').click();
  await expect(panel.getByRole('link', { name: 'Open LinkedIn profile' })).toHaveCount(0);
  await expect(panel.getByText('javascript:window.__xss=1', { exact: true })).toBeVisible();

  expect(await panel.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
