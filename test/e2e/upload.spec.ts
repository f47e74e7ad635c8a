import type { Page } from '@playwright/test';
import type { Id } from '../../src/types';
import {
  apiNumbers,
  apiTotal,
  campaignPath,
  campaignUrl,
  createCampaign,
  expect,
  expectNoA11yViolations,
  numbersApiPath,
  signIn,
  test,
} from './fixtures';

// The vendor API page's example file: five national numbers with two variables each.
const API_PAGE_EXAMPLE =
  '5550001,John,199\n5550002,Mary,299\n5550003,Susan,149\n5550004,James,300\n5550005,Walter,42\n';

const openUpload = async (page: Page, campaignId: Id) => {
  await page.goto(campaignPath(campaignId));
  await page.getByRole('link', { name: 'Upload CSV' }).click();
  await expect(page).toHaveURL(campaignUrl(campaignId, 'numbers/upload'));
  await expect(page.getByRole('heading', { level: 1 }).first()).toContainText('Upload numbers to');
};

/**
 * A real drag and drop: the File is made in the page (from `content`, or from `rows` generated
 * there), put in a DataTransfer, and carried by dragenter/dragover/drop on the drop zone.
 */
const dropFile = async (page: Page, name: string, source: { content: string } | { rows: number }) => {
  const dataTransfer = await page.evaluateHandle(
    ({ name, source }) => {
      let content: string;
      if ('content' in source) content = source.content;
      else {
        const lines: string[] = [];
        // +1 202 2XX XXXX: valid US numbers, all different.
        for (let i = 0; i < source.rows; i++) {
          lines.push(
            `+1202${200 + Math.floor(i / 10000)}${String(i % 10000).padStart(4, '0')},Name ${i},${i}`,
          );
        }
        content = `${lines.join('\n')}\n`;
      }
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, source },
  );
  const zone = page.getByRole('button', {
    name: /Drop a CSV file or a spreadsheet \(\.xlsx, \.xls, \.ods\) here, or choose one/,
  });
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer });
  await expect(page.getByText(`File: ${name}`)).toBeVisible();
};

/**
 * react-admin's app bar (whose title is the page's h1) slides away when a long page is scrolled:
 * axe runs with the page scrolled back to the top, as an operator first sees it.
 */
const expectAccessible = async (page: Page) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expectNoA11yViolations(page);
};

const counts = (page: Page) => page.locator('dl');
const count = (page: Page, label: string) =>
  counts(page)
    .locator('div', { has: page.getByText(label, { exact: true }) })
    .locator('dd');

test.describe('uploading a CSV', () => {
  test('the API page example, dropped on the panel, lands in the campaign with its variables', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'E2E upload: API example' });
    await signIn(page);
    await openUpload(page, campaign.id);
    await dropFile(page, 'campaign-numbers.csv', { content: API_PAGE_EXAMPLE });

    await expect(page.getByLabel('First row is a header')).not.toBeChecked();
    await expect(page.getByLabel('Variables per row')).toHaveValue('2');
    await expect(page.getByLabel('Delimiter')).toHaveValue(',');
    await expect(count(page, 'Rows')).toHaveText('5');
    const preview = page.getByRole('table', { name: 'Preview of the file' });
    await expect(preview.getByRole('columnheader', { name: 'Variable 2' })).toBeVisible();
    await expect(preview.getByRole('row', { name: /5550001 John 199/ })).toBeVisible();

    // Seven-digit numbers are not valid US numbers: the page's example goes as it is, like its curl.
    await expect(page.getByText('No row has a number that is valid for the default country.')).toBeVisible();
    await page.getByRole('radio', { name: /The file as it is \(5 rows\)/ }).check();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('5 numbers added to the campaign.')).toBeVisible();

    const rows = await apiNumbers(request, campaign.id);
    const total = await apiTotal(request, campaign.id);
    expect(total).toBe(5);
    expect(rows.map((row) => [row.number, ...row.varValues])).toEqual([
      ['5550001', 'John', '199'],
      ['5550002', 'Mary', '299'],
      ['5550003', 'Susan', '149'],
      ['5550004', 'James', '300'],
      ['5550005', 'Walter', '42'],
    ]);

    await page.getByRole('link', { name: 'Back to campaign' }).click();
    await expect(page).toHaveURL(campaignUrl(campaign.id));
    await expect(page.getByText('5550003').first()).toBeVisible();
    await expect(page.getByText('Susan').first()).toBeVisible();
  });

  test('a file with bad rows shows them, and only the good ones are uploaded', async ({ page, request }) => {
    const campaign = await createCampaign(request, { name: 'E2E upload: bad rows' });
    await signIn(page);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await openUpload(page, campaign.id);
    const file = [
      'number,name,amount',
      '+12025550101,Ann,10',
      '+12025550102,Bob,20',
      'not-a-number,Cid,30',
      '+12025550101,Ann again,10',
      '+12025550103,Dee',
      '(202) 555-0104,Eve,50',
    ].join('\r\n');
    await dropFile(page, 'leads.csv', { content: `${file}\r\n` });

    await expect(page.getByLabel('First row is a header')).toBeChecked();
    await expect(count(page, 'Rows')).toHaveText('6');
    await expect(count(page, 'Valid')).toHaveText('3');
    await expect(count(page, 'Invalid')).toHaveText('2');
    await expect(count(page, 'Duplicates in the file')).toHaveText('1');
    const preview = page.getByRole('table', { name: 'Preview of the file' });
    await expect(preview.getByRole('row', { name: /not-a-number/ })).toContainText(
      'is not a valid phone number',
    );
    await expect(preview.getByRole('row', { name: /\(202\) 555-0104/ })).toContainText(
      'sent as +12025550104',
    );

    // One list per kind, in the tiles' words: the duplicate is not an invalid row.
    await page.getByRole('button', { name: 'Show the 2 invalid rows' }).click();
    const invalid = page.getByRole('table', { name: 'Invalid rows' });
    await expect(invalid.getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: 'Show the duplicate row' }).click();
    const duplicates = page.getByRole('table', { name: 'Duplicate rows' });
    await expect(duplicates.getByRole('row', { name: /^5 / })).toContainText('already appears on line 2');
    await expectAccessible(page);
    // The README's screenshot, when asked for (SIPCALLER_SCREENSHOTS=1): a test run leaves the checkout as it was.
    if (process.env.SIPCALLER_SCREENSHOTS === '1')
      await page.screenshot({ path: 'docs/screenshots/upload.png', fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the rows with problems (CSV)' }).click(),
    ]);
    const problems = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(problems).toString('utf8');
    expect(text).toContain('4,invalidNumber,"not-a-number,Cid,30"');
    expect(text).toContain('6,wrongColumnCount');

    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('3 numbers added to the campaign.')).toBeVisible();
    await expect(page.getByText('3 rows were left out by the console before sending')).toBeVisible();
    const summary = page.getByRole('table', { name: 'Rows that were not added' });
    await expect(summary.getByRole('row')).toHaveCount(4);
    await expectAccessible(page);

    const rows = await apiNumbers(request, campaign.id);
    expect(rows.map((row) => [row.number, ...row.varValues])).toEqual([
      ['+12025550101', 'Ann', '10'],
      ['+12025550102', 'Bob', '20'],
      ['+12025550104', 'Eve', '50'],
    ]);
  });

  test('a failed upload is retried without choosing the file again', async ({ page, request }) => {
    const campaign = await createCampaign(request, { name: 'E2E upload: retry' });
    await signIn(page);
    await openUpload(page, campaign.id);
    await dropFile(page, 'retry.csv', { content: '+12025550111,A\n+12025550112,B\n' });
    await expect(page.getByLabel('Variables per row')).toHaveValue('1');

    const fault = await request.post('/_emulator/faults', {
      data: { status: 503, count: 1, pathContains: `${numbersApiPath(campaign.id)}/upload` },
    });
    expect(fault.ok()).toBe(true);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The upload stopped' });
    await expect(alert).toContainText('The server is busy');
    await expect(page.getByText('File: retry.csv')).toBeVisible();
    expect(await apiTotal(request, campaign.id)).toBe(0);

    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByText('2 numbers added to the campaign.')).toBeVisible();
    expect(await apiTotal(request, campaign.id)).toBe(2);
  });

  test('a dropped connection and a cancel: retry resumes from the part that did not get through', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'E2E upload: parts' });
    await signIn(page);
    // Parts of two rows, so that five rows go in three requests.
    await page.evaluate(() => localStorage.setItem('sipcaller.device.rowsPerPart', '2'));
    await openUpload(page, campaign.id);
    await dropFile(page, 'parts.csv', {
      content: '+12025550121,A\n+12025550122,B\n+12025550123,C\n+12025550124,D\n+12025550125,E\n',
    });

    // The second part's connection drops.
    const uploads: string[] = [];
    let held: (() => Promise<void>) | null = null;
    await page.route(`**${`${numbersApiPath(campaign.id)}/upload`}**`, async (route) => {
      uploads.push(route.request().url());
      if (uploads.length === 2) await route.abort('connectionreset');
      else if (uploads.length === 3) {
        // The third request (the retry of part 2) hangs until the operator cancels it.
        held = () => route.abort('aborted').catch(() => {});
      } else await route.continue();
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const stopped = page.getByRole('alert').filter({ hasText: 'The upload stopped' });
    await expect(stopped).toContainText('The server could not be reached');
    const partsTable = page.getByRole('table', { name: 'Parts of the upload' });
    await expect(partsTable.getByRole('row', { name: /^1 2 Accepted/ })).toBeVisible();
    await expect(partsTable.getByRole('row', { name: /^2 2 Failed/ })).toBeVisible();
    await expect(partsTable.getByRole('row', { name: /^3 1 Waiting/ })).toBeVisible();

    await stopped.getByRole('button', { name: 'Retry' }).click();
    await expect(partsTable.getByRole('row', { name: /^2 2 Sending/ })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const canceled = page.getByRole('alert').filter({ hasText: 'The upload was canceled' });
    await expect(canceled).toBeVisible();
    await (held as (() => Promise<void>) | null)?.();

    await canceled.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByText('5 numbers added to the campaign.')).toBeVisible();
    await expect(page.getByText('Sent in 3 parts, one request each.')).toBeVisible();
    expect(uploads).toHaveLength(5);
    const rows = await apiNumbers(request, campaign.id);
    expect(rows.map((row) => row.number)).toEqual([
      '+12025550121',
      '+12025550122',
      '+12025550123',
      '+12025550124',
      '+12025550125',
    ]);
  });

  test('a second file is checked against the numbers already in the campaign', async ({ page, request }) => {
    const campaign = await createCampaign(request, { name: 'E2E upload: existing' });
    await signIn(page);
    await openUpload(page, campaign.id);
    await dropFile(page, 'first.csv', { content: '+12025550131,A\n+12025550132,B\n' });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('2 numbers added to the campaign.')).toBeVisible();

    await page.getByRole('button', { name: 'Upload another file' }).click();
    await dropFile(page, 'second.csv', { content: '+12025550132,B\n+12025550133,C\n+12025550134,D\n' });
    await expect(count(page, 'Valid')).toHaveText('3');
    await page.getByLabel('Also check against the numbers already in this campaign').check();
    await expect(count(page, 'Already in the campaign')).toHaveText('1');
    await expect(count(page, 'Valid')).toHaveText('2');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('2 numbers added to the campaign.')).toBeVisible();
    const rows = await apiNumbers(request, campaign.id);
    expect(rows.map((row) => row.number)).toEqual([
      '+12025550131',
      '+12025550132',
      '+12025550133',
      '+12025550134',
    ]);
  });

  test('a 100,000-row file is analysed in the worker and uploaded', async ({ page, request }) => {
    test.setTimeout(180_000);
    const campaign = await createCampaign(request, { name: 'E2E upload: 100k' });
    await signIn(page);
    await openUpload(page, campaign.id);
    await dropFile(page, 'hundred-thousand.csv', { rows: 100_000 });
    await expect(count(page, 'Rows')).toHaveText('100,000', { timeout: 60_000 });
    await expect(count(page, 'Valid')).toHaveText('100,000');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('100,000 numbers added to the campaign.')).toBeVisible({ timeout: 120_000 });
    expect(await apiTotal(request, campaign.id)).toBe(100_000);
  });
});
