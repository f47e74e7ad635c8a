import {
  apiNumbers,
  createCampaign,
  DEMO_ACCOUNT_ID,
  DEMO_TOKEN,
  expect,
  expectNoA11yViolations,
  signIn,
  test,
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
      numbers: 3,
    });
    const [seeded] = await apiNumbers(request, fixed.id);
    const number = seeded.number;
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
