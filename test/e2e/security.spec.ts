// The console under its Content-Security-Policy (server/security.ts). Every journey of this suite
// also fails on any securitypolicyviolation (test/e2e/cspGuard.ts); these check the policy itself.
import { DEMO_ACCOUNT_ID, DEMO_TOKEN, expect, signIn, test } from './fixtures';

test('the console is sent with its security headers, and its styles carry the nonce', async ({ page }) => {
  // Each load of the page has its own nonce: the one that counts is the last document's.
  let csp = '';
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document')
      csp = response.headers()['content-security-policy'] ?? '';
  });
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("script-src 'self';");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  await signIn(page);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  // Emotion's <style> elements (MUI, react-admin) all carry this response's nonce.
  const styles = await page.evaluate(() =>
    [...document.querySelectorAll('style')].map((style) => style.nonce),
  );
  expect(styles.length).toBeGreaterThan(0);
  expect(new Set(styles)).toEqual(new Set([nonce]));
});

test('an API URL the policy does not allow is refused at sign-in with the setting that admits it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
  await page.getByLabel('Account ID', { exact: true }).fill(DEMO_ACCOUNT_ID);
  await page.getByRole('button', { name: 'Advanced' }).click();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.getByLabel('API URL').fill('https://api.elsewhere.example/v1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("This console's security policy does not allow calls to that API URL");
  await expect(alert).toContainText('SIPCALLER_CONNECT_SRC');
  await expect(page.getByLabel('API URL')).toHaveValue('https://api.elsewhere.example/v1');
  expect(requests.filter((url) => url.includes('elsewhere'))).toEqual([]);
});
