import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import {
  apiNumbers,
  apiTotal,
  campaignPath,
  campaignUrl,
  createCampaign,
  DEMO_ACCOUNT_ID,
  DEMO_TOKEN,
  dropCsv,
  expect,
  expectNoA11yViolations,
  signIn,
  test,
  uploadTile,
} from './fixtures';

test.describe('do-not-call lists', () => {
  test('load a list: its count and date, kept after a reload', async ({ page }) => {
    await signIn(page);
    await page.getByRole('menuitem', { name: 'Do-not-call lists' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Do-not-call lists');
    const name = `E2E DNC ${Date.now()}`;
    await page.getByLabel('List name').fill(name);
    await page.locator('input[type=file][id]').setInputFiles({
      name: 'dnc.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('number,note\n+1 202 555 0100,asked\n(202) 555-0101\nnot a number\n'),
    });
    await page.getByRole('button', { name: 'Load a list' }).click();
    await expect(page.getByText(`'${name}' now holds 2 numbers`)).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row.getByRole('cell').nth(0)).toHaveText('2');
    await expectNoA11yViolations(page);
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  });
  test('load a list from a spreadsheet: its phone column and its note column', async ({ page }) => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      workbook,
      XLSX.utils.aoa_to_sheet([
        ['Name', 'Phone', 'Reason'],
        ['Ann', '(202) 555-0131', 'asked'],
        ['Bob', 2025550132, ''],
        ['Cid', 'none', ''],
      ]),
      'Opt-outs',
    );
    const buffer = Buffer.from(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }));
    await signIn(page);
    await page.getByRole('menuitem', { name: 'Do-not-call lists' }).click();
    const name = `E2E sheet ${Date.now()}`;
    await page.getByLabel('List name').fill(name);
    await page.locator('input[type=file][id]').setInputFiles({
      name: 'opt-outs.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByRole('button', { name: 'Load a list' }).click();
    await expect(page.getByText(`'${name}' now holds 2 numbers`)).toBeVisible();
    await expect(
      page.getByText(
        'Sheet “Opt-outs”: Numbers read from column B (“Phone”), notes from column C (“Reason”).',
      ),
    ).toBeVisible();
    await expect(
      page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('cell')
        .nth(0),
    ).toHaveText('2');
    await expectNoA11yViolations(page);
    if (process.env.SIPCALLER_SCREENSHOTS === '1')
      await page.screenshot({ path: 'docs/screenshots/dnc-lists.png', fullPage: true });
  });
});

/** Loads a do-not-call list of these numbers on the Do-not-call lists page. */
async function loadList(page: Page, name: string, numbers: string[]) {
  await page.getByRole('menuitem', { name: 'Do-not-call lists' }).click();
  await page.getByLabel('List name').fill(name);
  await page.locator('input[type=file][id]').setInputFiles({
    name: 'dnc.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`number\n${numbers.join('\n')}\n`),
  });
  await page.getByRole('button', { name: 'Load a list' }).click();
  await expect(
    page.getByText(`'${name}' now holds ${numbers.length} ${numbers.length === 1 ? 'number' : 'numbers'}`),
  ).toBeVisible();
}

test.describe('an upload checks the do-not-call lists', () => {
  test('two listed numbers are marked, counted in their tile and left out; as it is, a warning', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: `E2E dnc: upload ${Date.now()}` });
    await signIn(page);
    await loadList(page, 'Internal DNC', ['+1 202 555 0181', '(202) 555-0182']);
    await page.goto(campaignPath(campaign.id));
    await page.getByRole('link', { name: 'Upload CSV' }).click();
    await dropCsv(
      page,
      'leads.csv',
      'number,name\n2025550180,Ann\n+1 202-555-0181,Bob\n2025550182,Cid\n2025550183,Dee\n',
    );
    await expect(uploadTile(page, 'On do-not-call lists')).toHaveText('2');
    await expect(uploadTile(page, 'Valid')).toHaveText('2');
    const preview = page.getByRole('table', { name: 'Preview of the file' });
    await expect(preview.getByRole('row', { name: /Bob/ })).toContainText(
      "On do-not-call list 'Internal DNC'",
    );
    await expect(preview.getByRole('row', { name: /Cid/ })).toContainText(
      "On do-not-call list 'Internal DNC'",
    );
    await page.getByRole('button', { name: 'Show the 2 rows on do-not-call lists' }).click();
    const listed = page.getByRole('table', { name: 'Rows on do-not-call lists' });
    await expect(listed.getByRole('row', { name: /^3 On do-not-call list 'Internal DNC'/ })).toBeVisible();
    await expect(listed.getByRole('row', { name: /^4 On do-not-call list 'Internal DNC'/ })).toBeVisible();
    await expect(page.getByText('The 2 rows on do-not-call lists are left out.')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectNoA11yViolations(page);
    if (process.env.SIPCALLER_SCREENSHOTS === '1')
      await page.screenshot({ path: 'docs/screenshots/upload-dnc.png', fullPage: true });

    await page.getByRole('radio', { name: /The file as it is/ }).check();
    await expect(
      page.getByText('The file as it is would send 2 numbers that are on do-not-call lists.'),
    ).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('radio', { name: /Only the valid rows/ }).check();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('2 numbers added to the campaign.')).toBeVisible();
    await expect(page.getByText(/2 on do-not-call lists/)).toBeVisible();
    expect((await apiNumbers(request, campaign.id)).map((n) => n.number).sort()).toEqual([
      '+12025550180',
      '+12025550183',
    ]);
  });
});

test.describe('an open upload and a list loaded in another tab', () => {
  test('the panel checks the file again when it is shown again', async ({ page, context, request }) => {
    const campaign = await createCampaign(request, { name: `E2E dnc: recheck ${Date.now()}` });
    await signIn(page);
    await page.goto(campaignPath(campaign.id));
    await page.getByRole('link', { name: 'Upload CSV' }).click();
    await dropCsv(page, 'later.csv', '2025550191,Ann\n2025550192,Bob\n');
    await expect(uploadTile(page, 'Valid')).toHaveText('2');
    // Another tab of the same browser (its own session: the token is kept per tab).
    const other = await context.newPage();
    await signIn(other);
    await loadList(other, `Later ${Date.now()}`, ['+1 202 555 0192']);
    await other.close();
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(uploadTile(page, 'On do-not-call lists')).toHaveText('1');
    await expect(uploadTile(page, 'Valid')).toHaveText('1');
  });
});

test.describe('the add form and Scrub campaign', () => {
  test('the add form refuses a listed number, naming the list, unless Add anyway', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: `E2E dnc: add ${Date.now()}` });
    await signIn(page);
    await loadList(page, 'Internal DNC', ['+1 202 555 0142']);
    await page.goto(campaignPath(campaign.id, 'numbers/create'));
    await page.getByRole('textbox', { name: /^Number/ }).fill('(202) 555-0142');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: "On do-not-call list 'Internal DNC'" });
    await expect(alert).toBeVisible();
    await expectNoA11yViolations(page);
    expect(await apiTotal(request, campaign.id)).toBe(0);
    await alert.getByRole('button', { name: 'Add anyway' }).click();
    await expect(page).toHaveURL(campaignUrl(campaign.id));
    expect((await apiNumbers(request, campaign.id)).map((n) => n.number)).toEqual(['+12025550142']);
  });

  test('Scrub campaign deletes the two listed numbers, and Undo adds them again', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, {
      name: `E2E dnc: scrub ${Date.now()}`,
      numbers: 4,
      varCount: 1,
    });
    // Numbers the list's reader takes as valid (the seeded ones need not be): added through the API.
    const listed = ['+12025550171', '+12025550172'];
    for (const number of listed) {
      const response = await request.post(
        `/v1/accounts/${DEMO_ACCOUNT_ID}/campaigns/${campaign.id}/numbers`,
        { headers: { Authorization: `Bearer ${DEMO_TOKEN}` }, data: { number, varValues: ['x'] } },
      );
      expect(response.ok(), await response.text()).toBe(true);
    }
    const seeded = await apiNumbers(request, campaign.id);
    await signIn(page);
    await loadList(page, 'Scrub DNC', [...listed, '+44 20 7946 0958']);
    await page.goto(campaignPath(campaign.id));
    await page.getByRole('button', { name: 'Scrub campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scrub campaign' });
    await expect(dialog.getByText(/2 numbers of .* are on do-not-call lists/)).toBeVisible();
    for (const number of listed)
      await expect(dialog.getByRole('row', { name: new RegExp(`\\${number}.*Scrub DNC`) })).toBeVisible();
    await expectNoA11yViolations(page);
    await dialog.getByRole('button', { name: 'Delete 2 numbers' }).click();
    await expect(dialog).toBeHidden();
    const left = await apiNumbers(request, campaign.id);
    expect(left).toHaveLength(4);
    expect(left.filter((n) => listed.includes(n.number))).toHaveLength(0);

    await expect(page.getByText(/2 numbers deleted\. Undo adds them again/)).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText(/2 numbers added again/)).toBeVisible();
    const restored = await apiNumbers(request, campaign.id);
    expect(restored).toHaveLength(6);
    expect(restored.map((n) => n.number).sort()).toEqual(seeded.map((n) => n.number).sort());
  });

  test('Scrub campaign is disabled, with the reason, on a Static campaign', async ({ page, request }) => {
    const campaign = await createCampaign(request, { name: `E2E dnc: static ${Date.now()}`, type: 'Static' });
    await signIn(page);
    await page.goto(campaignPath(campaign.id));
    const button = page.getByRole('button', { name: 'Scrub campaign' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(
      'Numbers can be deleted only while a Dynamic campaign is Active',
    );
  });
});

test.describe('Find a number in all campaigns', () => {
  test('finds it in several campaigns, a Static one included, and deletes it where allowed', async ({
    page,
    request,
  }) => {
    const stamp = Date.now();
    const fixed = await createCampaign(request, {
      name: `E2E find: static ${stamp}`,
      type: 'Static',
      numbers: 50,
    });
    // A Static campaign takes no numbers through the API: use one of its seeded numbers that the add
    // form (libphonenumber-js's max metadata) reads as valid; the seed's digits are random.
    const seeded = (await apiNumbers(request, fixed.id)).find(({ number }) => isValidPhoneNumber(number));
    expect(seeded, 'a valid seeded number').toBeDefined();
    const number = seeded?.number ?? '';
    const dynamic = [];
    for (const suffix of ['one', 'two']) {
      const campaign = await createCampaign(request, { name: `E2E find: ${suffix} ${stamp}` });
      const response = await request.post(
        `/v1/accounts/${DEMO_ACCOUNT_ID}/campaigns/${campaign.id}/numbers`,
        {
          headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
          data: { number, varValues: [] },
        },
      );
      expect(response.ok(), await response.text()).toBe(true);
      dynamic.push(campaign);
    }
    await signIn(page);
    await page.getByRole('button', { name: 'Find a number in all campaigns' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find a number in all campaigns' });
    await dialog.getByLabel('Number').fill(number);
    await dialog.getByRole('button', { name: 'Find' }).click();
    for (const name of [fixed.name, ...dynamic.map((c) => c.name)])
      await expect(dialog.getByRole('rowheader', { name: new RegExp(name) })).toBeVisible({
        timeout: 30_000,
      });
    await expectNoA11yViolations(page);
    await dialog.getByRole('button', { name: 'Delete from all campaigns' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByText('Deleted', { exact: true })).toHaveCount(2);
    await expect(
      dialog.getByText(/Not deleted: numbers can be deleted only while a Dynamic campaign is Active/),
    ).toBeVisible();
    for (const campaign of dynamic)
      expect((await apiNumbers(request, campaign.id)).filter((n) => n.number === number)).toHaveLength(0);
    expect((await apiNumbers(request, fixed.id)).filter((n) => n.number === number)).toHaveLength(1);
  });
});
