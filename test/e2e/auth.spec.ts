import { createServer } from 'node:net';
import {
  DEMO_ACCOUNT_ID,
  DEMO_TOKEN,
  expect,
  expectNoA11yViolations,
  OTHER_ACCOUNT_ID,
  OTHER_TOKEN,
  revokeToken,
  signIn,
  test,
} from './fixtures';

// A port nothing listens on: bound, then released.
const closedPort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 9));
    });
  });

test.describe('signing in', () => {
  test('with the demo token shows the campaigns and the account', async ({ page }) => {
    await signIn(page);
    await expect(page.getByText('Spring Sale Callback')).toBeVisible();
    await expect(page.getByRole('banner').getByText(DEMO_ACCOUNT_ID)).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Campaigns' })).toBeVisible();
    // The token lives in sessionStorage only, never in the address.
    expect(page.url()).not.toContain(DEMO_TOKEN);
    const stored = await page.evaluate(() => ({
      session: sessionStorage.length,
      local: Object.keys(localStorage).filter((key) => localStorage.getItem(key)?.includes('e2e-demo-token')),
    }));
    expect(stored.session).toBeGreaterThan(0);
    expect(stored.local).toEqual([]);
  });

  test('the sign-in page has no accessibility violation, also with an error shown', async ({ page }) => {
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to SIP Caller Console' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Advanced' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Enter your API token.');
    await expectNoA11yViolations(page);
  });

  test('with a wrong token says it was rejected and keeps what was typed', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('API token', { exact: true }).fill('not-a-real-token');
    await page.getByLabel('Account ID', { exact: true }).fill(DEMO_ACCOUNT_ID);
    await page.getByLabel('Remember me on this device').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The API token was rejected');
    await expect(page.getByLabel('API token', { exact: true })).toHaveValue('not-a-real-token');
    await expect(page.getByLabel('Account ID', { exact: true })).toHaveValue(DEMO_ACCOUNT_ID);
    await expect(page.getByLabel('Remember me on this device')).toBeChecked();
    await expect(page.getByLabel('API token', { exact: true })).toBeFocused();
    expect(page.url()).not.toContain('not-a-real-token');
  });

  test('with a token of another account says it has no access (403)', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
    await page.getByLabel('Account ID', { exact: true }).fill(OTHER_ACCOUNT_ID);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('This API token has no access to that account');
    await expect(page.getByLabel('Account ID', { exact: true })).toHaveValue(OTHER_ACCOUNT_ID);
  });

  test('with an account that does not exist says so (404)', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
    await page.getByLabel('Account ID', { exact: true }).fill('987654');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('There is no account with that ID');
    await expect(page.getByLabel('API token', { exact: true })).toHaveValue(DEMO_TOKEN);
  });

  test('with an API URL where nothing answers says the API cannot be reached', async ({ page }) => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    await page.goto('/');
    await page.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
    await page.getByLabel('Account ID', { exact: true }).fill(DEMO_ACCOUNT_ID);
    await page.getByRole('button', { name: 'Advanced' }).click();
    await page.getByLabel('API URL').fill(apiUrl);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('cannot be reached at that API URL');
    await expect(page.getByLabel('API URL')).toHaveValue(apiUrl);
    await expect(page.getByLabel('API token', { exact: true })).toHaveValue(DEMO_TOKEN);
  });

  test('opens a deep link after signing in', async ({ page }) => {
    await page.goto('/campaigns?perPage=10');
    await page.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
    await page.getByLabel('Account ID', { exact: true }).fill(DEMO_ACCOUNT_ID);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/campaigns\?perPage=10$/);
    await expect(
      page.getByRole('banner').getByRole('heading', { level: 1, name: 'Campaigns' }),
    ).toBeVisible();
  });
});

test.describe('the session', () => {
  test('ends with Logout, and the console is then closed', async ({ page }) => {
    await signIn(page);
    await page.getByRole('button', { name: 'Account 1001' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to SIP Caller Console' }),
    ).toBeVisible();
    await expect(page.getByLabel('API token', { exact: true })).toHaveValue('');
    await page.goto('/campaigns');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to SIP Caller Console' }),
    ).toBeVisible();
  });

  test('stays in this tab only, unless "remember me" was ticked', async ({ page, context }) => {
    await signIn(page);
    const otherTab = await context.newPage();
    await otherTab.goto('/campaigns');
    await expect(
      otherTab.getByRole('heading', { level: 1, name: 'Sign in to SIP Caller Console' }),
    ).toBeVisible();

    await otherTab.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
    await otherTab.getByLabel('Account ID', { exact: true }).fill(DEMO_ACCOUNT_ID);
    await otherTab.getByLabel('Remember me on this device').check();
    await otherTab.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      otherTab.getByRole('banner').getByRole('heading', { level: 1, name: 'Campaigns' }),
    ).toBeVisible();
    const thirdTab = await context.newPage();
    await thirdTab.goto('/campaigns');
    await expect(
      thirdTab.getByRole('banner').getByRole('heading', { level: 1, name: 'Campaigns' }),
    ).toBeVisible();
  });

  // Revokes OTHER_TOKEN for the rest of the run: other specs must not sign in with it.
  test('ends when the token is revoked, and the sign-in page says why', async ({ page, request }) => {
    await signIn(page, { token: OTHER_TOKEN, accountId: OTHER_ACCOUNT_ID });
    await revokeToken(request, OTHER_TOKEN);
    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to SIP Caller Console' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(
      'Your API token was rejected or revoked. Sign in again.',
    );
    expect(await page.evaluate(() => sessionStorage.getItem('sipcaller.session'))).toBeNull();
    // Shown once: a reload starts clean.
    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to SIP Caller Console' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
