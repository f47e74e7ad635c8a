// Client faults in the browser, injected by the emulator (POST /_emulator/faults): the API goes down
// mid-session, a connection drops during an upload, the API answers 429/503. The console must say
// what happened, offer a way on, and lose nothing the operator typed or chose.
import type { APIRequestContext } from '@playwright/test';
import { apiTotal, createCampaign, expect, signIn, test } from '../e2e/fixtures';

const numbersPath = (campaignId: unknown) => `/campaigns/${campaignId}/numbers`;

const fault = async (
  request: APIRequestContext,
  rule: {
    status?: number;
    count: number;
    pathContains: string;
    retryAfter?: number;
    dropConnection?: boolean;
  },
) => {
  const response = await request.post('/_emulator/faults', { data: { status: 503, ...rule } });
  expect(response.ok(), await response.text()).toBe(true);
};
const clearFaults = async (request: APIRequestContext) => {
  expect((await request.post('/_emulator/faults/clear')).ok()).toBe(true);
};

test.describe('client faults', () => {
  test.afterEach(async ({ request }) => clearFaults(request));

  test('the API goes down mid-session: a clear message, Retry works, nothing typed is lost', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'Faults: API down', numbers: 60, varCount: 2 });
    await signIn(page);
    await page.goto(`/campaigns/${campaign.id}/show`);
    await expect(page.getByRole('button', { name: 'Go to next page' }).first()).toBeVisible();

    // Every call for this campaign's numbers loses its connection, however often it is retried.
    await fault(request, { count: 1000, pathContains: numbersPath(campaign.id), dropConnection: true });
    await page.getByRole('button', { name: 'Go to next page' }).first().click();
    const down = page.getByRole('region', { name: 'Numbers' }).getByRole('alert');
    await expect(down).toContainText('cannot be reached', { timeout: 30_000 });
    const retry = down.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeVisible();
    await clearFaults(request);
    // The API is back: Retry brings the rows (the grid may also refetch on its own first).
    const rows = page.getByRole('row').filter({ hasText: /\+1\d{10}/ });
    await expect(async () => {
      // The grid may recover by itself between the check and the click, taking the button away:
      // a bounded click, so the next round looks again instead of waiting for a button that is gone.
      if (await retry.isVisible()) await retry.click({ timeout: 2000 }).catch(() => undefined);
      await expect(rows.first()).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await expect(down).toBeHidden();
    // The operator's place is kept: page 2 (where the failed click went), or, when the grid recovered
    // on page 1 by itself, a way back to page 2.
    const back = page.getByRole('button', { name: 'Back to page 2' });
    if (await back.isVisible()) await back.click();
    await expect(page.getByRole('button', { name: 'Page 2' }).first()).toHaveAttribute(
      'aria-current',
      'page',
    );

    // The add-number form: what was typed survives a save that cannot reach the API.
    await page.getByRole('link', { name: 'Add number' }).click();
    const number = page.getByRole('textbox', { name: /^Number/ });
    await number.fill('+1 202 555 0147');
    await page.getByLabel('Variable 1', { exact: true }).fill('Grace');
    await page.getByLabel('Variable 2', { exact: true }).fill('77');
    await fault(request, { count: 1000, pathContains: numbersPath(campaign.id), dropConnection: true });
    await page.getByRole('button', { name: 'Add another' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: /could not be reached|cannot be reached/ }),
    ).toBeVisible();
    await expect(number).toHaveValue('+1 202 555 0147');
    await expect(page.getByLabel('Variable 1', { exact: true })).toHaveValue('Grace');
    await expect(page.getByLabel('Variable 2', { exact: true })).toHaveValue('77');
    await clearFaults(request);
    expect(await apiTotal(request, campaign.id)).toBe(60);

    await page.getByRole('button', { name: 'Add another' }).click();
    await expect(page.getByText(/Added \+12025550147 to Faults: API down/)).toBeVisible();
    expect(await apiTotal(request, campaign.id)).toBe(61);
  });

  test('the connection drops during an upload: Retry resumes it and nothing is sent twice', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'Faults: upload drop' });
    await signIn(page);
    // Parts of two rows: five rows go in three requests.
    await page.evaluate(() => localStorage.setItem('sipcaller.device.rowsPerPart', '2'));
    await page.goto(`/campaigns/${campaign.id}/show`);
    await page.getByRole('link', { name: 'Upload CSV' }).click();
    await page
      .getByLabel(/choose|file/i, { exact: false })
      .first()
      .setInputFiles({
        name: 'drop.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          '+12025550131,A\n+12025550132,B\n+12025550133,C\n+12025550134,D\n+12025550135,E\n',
        ),
      });
    await expect(page.getByText('File: drop.csv')).toBeVisible();

    // The server destroys the socket of every upload request until the faults are cleared
    // (Chromium silently sends a request again on another kept-alive connection when one breaks
    // before the answer, so a single drop would go unnoticed).
    await fault(request, {
      count: 50,
      pathContains: `${numbersPath(campaign.id)}/upload`,
      dropConnection: true,
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const stopped = page.getByRole('alert').filter({ hasText: 'The upload stopped' });
    await expect(stopped).toContainText('could not be reached');
    await expect(page.getByText('File: drop.csv')).toBeVisible();
    expect(await apiTotal(request, campaign.id)).toBe(0);

    await clearFaults(request);
    await stopped.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByText('5 numbers added to the campaign.')).toBeVisible();
    expect(await apiTotal(request, campaign.id)).toBe(5);
  });

  test('a 503 or 429 on a read: the console waits as told and the grid comes back by itself', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'Faults: slow API', numbers: 30, varCount: 1 });
    await signIn(page);
    await fault(request, { status: 503, count: 2, retryAfter: 1, pathContains: numbersPath(campaign.id) });
    await fault(request, { status: 429, count: 1, retryAfter: 1, pathContains: numbersPath(campaign.id) });
    await page.goto(`/campaigns/${campaign.id}/show`);
    // No click: the reads are asked again after Retry-After, and the rows arrive.
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: /\+1\d{10}/ })
        .first(),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert').filter({ hasText: /503|429|busy/i })).toHaveCount(0);
  });

  test('a 503 or 429 on a read: the console says that it is waiting for a busy API', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, {
      name: 'Faults: slow API notice',
      numbers: 30,
      varCount: 1,
    });
    await signIn(page);
    await fault(request, { status: 429, count: 3, retryAfter: 2, pathContains: numbersPath(campaign.id) });
    await page.goto(`/campaigns/${campaign.id}/show`);
    // The wording proposed for the layout's notice: "The SIP Caller API is busy (HTTP 429); …".
    await expect(page.getByText(/API is busy/i).first()).toBeVisible({ timeout: 15_000 });
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: /\+1\d{10}/ })
        .first(),
    ).toBeVisible({ timeout: 30_000 });
  });
});
