import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import type { Campaign } from '../../src/types';
import {
  apiNumbers,
  campaignPath,
  createCampaign,
  expect,
  expectNoA11yViolations,
  ID_STYLE,
  numbersApiPath,
  signIn,
  test,
} from './fixtures';

// The numbers grid of a campaign, against the emulator. Each test owns its campaign.

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const openCampaign = async (page: Page, campaign: Campaign) => {
  await signIn(page);
  await page.goto(campaignPath(campaign.id));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(campaign.name) })).toBeVisible();
};

/**
 * axe on the page as the operator sees it at the top: react-admin's app bar (the page's <h1>)
 * slides away while the page is scrolled, and selecting a row scrolls it into view.
 */
const checkA11y = async (page: Page) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoA11yViolations(page);
};

const numberCells = (page: Page) => page.getByRole('row').locator('td.column-number');

test('searches a number as the operator types', async ({ page, request }) => {
  const campaign = await createCampaign(request, { name: unique('Search'), numbers: 60, varCount: 2 });
  const numbers = await apiNumbers(request, campaign.id);
  const target = numbers[37].number;
  const fragment = target.slice(-6);
  await openCampaign(page, campaign);
  await expect(numberCells(page)).toHaveCount(25);
  await page.getByLabel('Search number').pressSequentially(fragment);
  await expect(page.getByRole('cell', { name: target, exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`filter=.*${fragment}`));
  const expected = numbers.filter((n) => n.number.includes(fragment)).length;
  await expect(numberCells(page)).toHaveCount(expected);
  for (const text of await numberCells(page).allTextContents()) expect(text).toContain(fragment);
  await expectNoA11yViolations(page);
});

test('pages deep into a 50,000-number campaign', async ({ page, request }) => {
  test.setTimeout(120_000);
  const campaign = await createCampaign(request, { name: unique('Deep'), numbers: 50_000, varCount: 1 });
  await openCampaign(page, campaign);
  await expect(page.getByRole('region', { name: 'Numbers by status and last result' })).toContainText(
    '50,000 numbers in total',
  );
  await expect(page.getByRole('button', { name: 'Go to page 2,000' })).toBeVisible();
  await page.getByLabel('Go to page', { exact: true }).fill('1500');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page).toHaveURL(/page=1500/);
  await expect(page.getByRole('button', { name: 'Page 1,500' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('37,476-37,500 of 50,000')).toBeVisible();
  await expect(numberCells(page)).toHaveCount(25);
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page).toHaveURL(/page=1501/);
  await checkA11y(page);
});

test('deletes three selected numbers with one DELETE, then Undo adds them back', async ({
  page,
  request,
}) => {
  const campaign = await createCampaign(request, { name: unique('Delete'), numbers: 30, varCount: 2 });
  const before = await apiNumbers(request, campaign.id);
  const deletes: { url: string; body: unknown }[] = [];
  page.on('request', (req) => {
    if (req.method() === 'DELETE') deletes.push({ url: req.url(), body: req.postDataJSON() });
  });
  await openCampaign(page, campaign);
  const rows = page.getByRole('row').filter({ has: page.locator('td.column-number') });
  await expect(rows).toHaveCount(25);
  const chosen: string[] = [];
  for (const index of [0, 2, 4]) {
    const row = rows.nth(index);
    chosen.push((await row.locator('td.column-number').textContent()) ?? '');
    await row.getByRole('checkbox', { name: `Select ${chosen.at(-1)}` }).check();
  }
  await expect(page.getByText('3 numbers selected')).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete numbers' });
  await expect(dialog).toContainText(`3 numbers will be deleted from “${campaign.name}”.`);
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Delete 3 numbers' }).click();
  await expect(page.getByText(/^3 numbers deleted\. Undo adds them again as new numbers/)).toBeVisible();

  expect(deletes).toHaveLength(1);
  expect(deletes[0].url).toContain(numbersApiPath(campaign.id));
  const chosenIds = chosen.map((number) => before.find((n) => n.number === number)?.id);
  expect([...(deletes[0].body as number[])].sort()).toEqual([...chosenIds].sort());
  // The ids exactly as the API gave them: strings stay strings, numbers stay numbers.
  expect((deletes[0].body as unknown[]).map((id) => typeof id)).toEqual(chosenIds.map((id) => typeof id));
  expect(typeof chosenIds[0]).toBe(ID_STYLE === 'opaque' ? 'string' : 'number');
  for (const number of chosen)
    await expect(page.getByRole('cell', { name: number, exact: true })).toBeHidden();
  expect(await apiNumbers(request, campaign.id)).toHaveLength(27);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('3 numbers added again, with new ids and fresh attempts.')).toBeVisible();
  const after = await apiNumbers(request, campaign.id);
  expect(after).toHaveLength(30);
  for (const number of chosen) {
    const original = before.find((n) => n.number === number);
    const restored = after.find((n) => n.number === number);
    expect(restored?.varValues).toEqual(original?.varValues);
    expect(restored?.id).not.toEqual(original?.id);
    expect(restored?.attempts).toBe(0);
    await expect(page.getByRole('cell', { name: number, exact: true })).toBeVisible();
  }
});

test('exports every number as a CSV in the upload layout', async ({ page, request }) => {
  const campaign = await createCampaign(request, { name: unique('Export'), numbers: 1234, varCount: 2 });
  const numbers = await apiNumbers(request, campaign.id);
  await openCampaign(page, campaign);
  const downloadEvent = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const download = await downloadEvent;
  await expect(page.getByText('1,234 numbers exported')).toBeVisible();
  expect(download.suggestedFilename()).toBe(`${campaign.name}-numbers.csv`);
  const text = await readFile(await download.path(), 'utf8');
  const { data, errors } = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(errors).toEqual([]);
  expect(data).toHaveLength(1234);
  const exported = new Map(data.map(([number, ...vars]) => [number, vars]));
  for (const n of numbers) {
    // Values a spreadsheet would run as formulas come back prefixed with ' (never the number).
    const expected = n.varValues.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v));
    expect(exported.get(n.number)).toEqual(expected);
  }
});

test('shows add, upload and delete disabled with the reason on a Static campaign', async ({
  page,
  request,
}) => {
  const campaign = await createCampaign(request, {
    name: unique('Static'),
    type: 'Static',
    status: 'Active',
    numbers: 5,
    varCount: 1,
  });
  await openCampaign(page, campaign);
  const addReason = 'Numbers can be added only while a Dynamic campaign is Active';
  await expect(page.getByText(addReason)).toBeVisible();
  for (const name of ['Add number', 'Upload CSV']) {
    const button = page.getByRole('button', { name });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(addReason);
  }
  await page
    .getByRole('row')
    .filter({ has: page.locator('td.column-number') })
    .first()
    .getByRole('checkbox')
    .check();
  const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
  await expect(deleteButton).toBeDisabled();
  await expect(deleteButton).toHaveAccessibleDescription(
    'Numbers can be deleted only while a Dynamic campaign is Active',
  );
  await checkA11y(page);
});

test('selects all matching numbers across pages and deletes them in batches, then undoes', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const campaign = await createCampaign(request, {
    name: unique('All matching'),
    numbers: 2100,
    varCount: 1,
  });
  const deletes: number[] = [];
  const uploads: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'DELETE') deletes.push((req.postDataJSON() as unknown[]).length);
    if (req.method() === 'POST' && req.url().includes('/numbers/upload')) uploads.push(req.url());
  });
  await openCampaign(page, campaign);
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page.getByRole('button', { name: 'Select all 2,100 matching numbers' }).click();
  await expect(page.getByText('All 2,100 matching numbers are selected.')).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 2,100 numbers' }).click();
  await expect(page.getByText(/^2,100 numbers deleted\./)).toBeVisible();
  expect(deletes).toEqual([1000, 1000, 100]);
  await expect(page.getByText('No numbers yet — add one or upload a CSV')).toBeVisible();
  expect(await apiNumbers(request, campaign.id)).toHaveLength(0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('2,100 numbers added again, with new ids and fresh attempts.')).toBeVisible();
  expect(uploads).toHaveLength(1);
  expect(uploads[0]).toContain('varCount=1');
  expect(await apiNumbers(request, campaign.id)).toHaveLength(2100);
  await expect(page.getByRole('region', { name: 'Numbers by status and last result' })).toContainText(
    '2,100 numbers in total',
  );
});

test('shows the empty state of a campaign without numbers', async ({ page }) => {
  await signIn(page);
  // By its name: other tests' campaigns may push it off the list's first page.
  await page.goto(`/campaigns?filter=${encodeURIComponent(JSON.stringify({ name: 'New Leads Inbox' }))}`);
  await page.getByRole('link', { name: 'New Leads Inbox' }).click();
  await expect(page.getByText('No numbers yet — add one or upload a CSV')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Numbers by status and last result' })).toContainText(
    '0 numbers in total',
  );
  await expectNoA11yViolations(page);
});
