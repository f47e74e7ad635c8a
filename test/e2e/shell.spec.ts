import { createCampaign, expect, expectNoA11yViolations, OTHER_ACCOUNT_ID, signIn, test } from './fixtures';

type Page = import('@playwright/test').Page;

const DARK_BACKGROUND = 'rgb(11, 18, 32)';
const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Clicks react-admin's theme button, then moves the pointer off it so its tooltip is gone before axe runs. */
const toggleTheme = async (page: Page, name = 'Toggle light/dark mode') => {
  await page.getByRole('button', { name }).click();
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
};

test.describe('the console shell', () => {
  test('the campaigns list has no accessibility violation in light and dark themes', async ({ page }) => {
    await signIn(page);
    // The seeded campaigns first (the lowest ids): other tests' campaigns may push them off page 1 by name.
    await page.goto('/campaigns?sort=id&order=ASC');
    await expect(page.getByText('Spring Sale Callback')).toBeVisible();
    await expectNoA11yViolations(page);
    await toggleTheme(page);
    await expect.poll(() => backgroundOf(page)).toBe(DARK_BACKGROUND);
    await expectNoA11yViolations(page);
  });

  test('switches to Spanish and back', async ({ page }) => {
    await signIn(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('button', { name: 'Cambiar entre modo claro y oscuro' })).toBeVisible();
    await page.getByRole('button', { name: 'Cuenta 1001' }).click();
    await expect(page.getByRole('menuitem', { name: 'Cerrar sesión' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('menuitem', { name: 'Campaigns' })).toBeVisible();
  });

  test('keeps the language and theme chosen on the sign-in page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inicie sesión en SIP Caller Console');
    await page.getByRole('button', { name: 'Usar el tema oscuro' }).click();
    await expect.poll(() => backgroundOf(page)).toBe(DARK_BACKGROUND);
    await expectNoA11yViolations(page);
    await page.getByLabel('Token de API', { exact: true }).fill('e2e-demo-token');
    await page.getByLabel('ID de cuenta', { exact: true }).fill('1001');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect(page.getByRole('button', { name: 'Cambiar entre modo claro y oscuro' })).toBeVisible();
    await expect.poll(() => backgroundOf(page)).toBe(DARK_BACKGROUND);
  });

  test('shows a not-found page with a way back, in light and dark themes', async ({ page }) => {
    await signIn(page);
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoA11yViolations(page);
    await toggleTheme(page);
    await expect.poll(() => backgroundOf(page)).toBe(DARK_BACKGROUND);
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: 'Go to campaigns' }).click();
    await expect(
      page.getByRole('banner').getByRole('heading', { level: 1, name: 'Campaigns' }),
    ).toBeVisible();
  });
});

test.describe('the e2e fixtures', () => {
  // In the second account, so the demo account's lists stay as seeded for the other specs.
  test('create a campaign through the emulator admin endpoint', async ({ request }) => {
    const campaign = await createCampaign(request, {
      accountId: OTHER_ACCOUNT_ID,
      name: 'Fixture check',
      numbers: 3,
      varCount: 1,
    });
    expect(campaign).toMatchObject({ name: 'Fixture check', type: 'Dynamic', status: 'Active' });
    expect(campaign.id).toBeDefined();
  });
});
