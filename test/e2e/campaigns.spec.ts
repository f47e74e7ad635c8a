import { expect, expectNoA11yViolations, signIn, test } from './fixtures';

// The campaigns grid against the emulator's seed (server/seed.ts: "Spring Sale Callback" etc.).
const SCREENSHOTS = process.env.SIPCALLER_SCREENSHOTS === '1';

const nameCells = (page: import('@playwright/test').Page) =>
  page.getByRole('row').getByRole('link').allTextContents();

test('filters and sorts the campaigns, keeping both in the URL', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('link', { name: 'Spring Sale Callback' })).toBeVisible();
  await expectNoA11yViolations(page);
  if (SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/campaigns.png', fullPage: true });

  // Sorted by name ascending by default; one click reverses it.
  const ascending = await nameCells(page);
  expect(ascending.length).toBeGreaterThan(9);
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page).toHaveURL(/order=DESC/);
  // Sorted descending, from the last name on: tests running beside this one may add campaigns, so
  // the page is not always the first one reversed.
  const descending = async () => {
    const cells = await nameCells(page);
    return (
      cells.length > 9 &&
      cells.every((name, i) => i === 0 || cells[i - 1].localeCompare(name) >= 0) &&
      cells[0].localeCompare(ascending[ascending.length - 1]) >= 0
    );
  };
  await expect.poll(descending).toBe(true);

  // Name search (substring, case-insensitive on the server).
  await page.getByLabel('Search name').fill('sale');
  await expect(page.getByRole('link', { name: 'Quarterly Survey' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Spring Sale Callback' })).toBeVisible();
  await expect(page).toHaveURL(/filter=.*sale/);
  await page.getByLabel('Search name').fill('');
  await expect(page.getByRole('link', { name: 'Quarterly Survey' })).toBeVisible();

  // Several statuses at once.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Paused' }).click();
  await page.getByRole('option', { name: 'Draft' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Spring Sale Callback' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Renewal Reminders' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Winter Promo Draft' })).toBeVisible();
  const statuses = await page.getByRole('row').locator('td.column-status').allTextContents();
  expect(new Set(statuses)).toEqual(new Set(['Paused', 'Draft']));

  // Type and dialer mode narrow it further; the URL keeps everything, so a reload shows the same grid.
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Static' }).click();
  await page.getByRole('combobox', { name: 'Dialer mode' }).click();
  await page.getByRole('option', { name: 'Predictive' }).click();
  await expect(page.getByRole('link', { name: 'Renewal Reminders' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Appointment Confirmations' })).toBeVisible();
  // Filters reach the URL after the list's debounce: reload only once they are all there.
  await expect(page).toHaveURL(/Predictive/);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Appointment Confirmations' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Winter Promo Draft' })).toBeHidden();
  await expectNoA11yViolations(page);
});

test('"Starts after" keeps the campaigns that start on or after a date', async ({ page }) => {
  await signIn(page);
  // The filter form takes its values from the URL once the list has loaded: type after that.
  await expect(page.getByRole('link', { name: 'Holiday Greetings 2025' })).toBeVisible();
  await page.getByLabel('Starts after').fill('2026-06-01');
  await expect(page.getByRole('link', { name: 'Holiday Greetings 2025' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Renewal Reminders' })).toBeVisible();
  await expect(page).toHaveURL(/startDate_gte/);
});

test('opens a campaign: details, chart, numbers grid', async ({ page }) => {
  await signIn(page);
  // By its name: other tests' campaigns may push it off the list's first page.
  await page.goto(
    `/campaigns?filter=${encodeURIComponent(JSON.stringify({ name: 'Spring Sale Callback' }))}`,
  );
  await page.getByRole('link', { name: 'Spring Sale Callback' }).click();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+\/show/);
  await expect(page.getByRole('heading', { level: 1, name: /Spring Sale Callback/ })).toBeVisible();
  const chart = page.getByRole('region', { name: 'Numbers by status and last result' });
  await expect(chart.getByText('1,000 numbers in total')).toBeVisible();
  // Folded at first (one row of counts per group); the full chart is one click away.
  await expect(chart.getByRole('group', { name: 'By status' }).getByRole('button')).toHaveCount(4);
  await chart.getByRole('button', { name: 'Show the chart' }).click();
  await expect(chart.getByRole('list', { name: 'By status' }).getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('columnheader', { name: 'Variable 2' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add number' })).toBeVisible();
  await expectNoA11yViolations(page);
  await chart.getByRole('button', { name: 'Show as a table' }).click();
  await expect(chart.getByRole('table')).toBeVisible();
  await expectNoA11yViolations(page);
  await chart.getByRole('button', { name: 'Show as a chart' }).click();
  if (SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/campaign.png', fullPage: true });
});
