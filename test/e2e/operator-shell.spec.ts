// The operator's shell as issue 10 found it, at 1024×768 and 1366×768 (and 1280×720 for the first
// screen), in English and Spanish: the sidebar stays in view, paging keeps the grid where it was, the
// campaign page starts with its numbers, a count filters the grid, Logout keeps the device settings,
// the campaigns list counts numbers, a deep link survives signing in, and the page stays current.
import {
  createCampaign,
  DEMO_ACCOUNT_ID,
  DEMO_TOKEN,
  expect,
  expectNoA11yViolations,
  signIn,
  test,
} from './fixtures';

type Page = import('@playwright/test').Page;
type Lang = 'en' | 'es';

const SHOTS = process.env.SIPCALLER_SHELL_SHOTS ?? '/tmp/shell-shots';
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
];
const LANGS: Lang[] = ['en', 'es'];

const T = {
  en: {
    campaigns: 'Campaigns',
    next: 'Go to next page',
    goToPage: 'Go to page',
    go: 'Go',
    account: 'Account 1001',
    logout: 'Logout',
    signInTitle: 'Sign in to SIP Caller Console',
    chart: 'Numbers by status and last result',
    byStatus: 'By status',
    byResult: 'By last ring result',
    failed: 'Failed',
    answered: 'Answered',
    expand: 'Show the chart',
    empty: '0 numbers in total',
    numbers: 'Numbers',
    search: 'Search number',
  },
  es: {
    campaigns: 'Campañas',
    next: 'Ir a la página siguiente',
    goToPage: 'Ir a la página',
    go: 'Ir',
    account: 'Cuenta 1001',
    logout: 'Cerrar sesión',
    signInTitle: 'Inicie sesión en SIP Caller Console',
    chart: 'Números por estado y último resultado',
    byStatus: 'Por estado',
    byResult: 'Por último resultado de llamada',
    failed: 'Fallido',
    answered: 'Contestada',
    expand: 'Ver el gráfico',
    empty: '0 números en total',
    numbers: 'Números',
    search: 'Buscar número',
  },
} as const;

const DARK_BACKGROUND = 'rgb(11, 18, 32)';
const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

const chooseSpanish = async (page: Page) => {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
};

/** Signs in (and picks the language), then opens a campaign by its name in the list. */
const openCampaign = async (page: Page, lang: Lang, name = 'Spring Sale Callback') => {
  await signIn(page);
  if (lang === 'es') await chooseSpanish(page);
  // By its name: other tests' campaigns may push it off the list's first page.
  await page.goto(`/campaigns?filter=${encodeURIComponent(JSON.stringify({ name }))}`);
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+\/show/);
  await expect(page.getByRole('region', { name: T[lang].chart })).toBeVisible();
};

const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

/** The first data row of the numbers grid (the row after the header row). */
const firstNumberRow = (page: Page) =>
  page
    .getByRole('row')
    .filter({ hasText: /\+\d{6,}/ })
    .first();

for (const size of SIZES) {
  for (const lang of LANGS) {
    test(`at ${size.width}×${size.height} in ${lang}: the sidebar stays in view and paging keeps the grid where it was`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      const t = T[lang];
      await openCampaign(page, lang);
      await expect(firstNumberRow(page)).toBeVisible();
      await expectNoA11yViolations(page);
      await page.screenshot({ path: `${SHOTS}/campaign-${size.width}-${lang}.png` });

      // Down to the pager, under the grid.
      const next = page.getByRole('button', { name: t.next });
      await next.scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 400);
      await expect.poll(() => scrollY(page)).toBeGreaterThan(300);
      await page.waitForTimeout(400);

      // The sidebar's Campaigns entry is below the app bar, not under it.
      const banner = await page.getByRole('banner').boundingBox();
      const entry = page.getByRole('menuitem', { name: t.campaigns });
      const box = await entry.boundingBox();
      expect(banner && box).toBeTruthy();
      if (!banner || !box) return;
      expect(box.y).toBeGreaterThanOrEqual(banner.y + banner.height - 1);
      const hit = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest('[role="menuitem"]')?.textContent ?? null,
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      expect(hit).toContain(t.campaigns);
      await page.screenshot({ path: `${SHOTS}/campaign-${size.width}-${lang}-scrolled.png` });

      // Next: the window stays where it was.
      const before = await scrollY(page);
      const firstBefore = await firstNumberRow(page).textContent();
      await next.click();
      await expect(page).toHaveURL(/page=2/);
      await expect(firstNumberRow(page)).not.toHaveText(firstBefore ?? '');
      await page.waitForTimeout(300);
      expect(Math.abs((await scrollY(page)) - before)).toBeLessThanOrEqual(2);

      // Go to page: the same.
      const field = page.getByLabel(t.goToPage, { exact: true });
      await field.fill('5');
      const beforeGo = await scrollY(page);
      await page.getByRole('button', { name: t.go, exact: true }).click();
      await expect(page).toHaveURL(/page=5/);
      await page.waitForTimeout(300);
      expect(Math.abs((await scrollY(page)) - beforeGo)).toBeLessThanOrEqual(2);
    });
  }
}

for (const lang of LANGS) {
  test(`at 1280×720 in ${lang}: the campaign page shows its first numbers without scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openCampaign(page, lang);
    const row = firstNumberRow(page);
    await expect(row).toBeVisible();
    const box = await row.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(720);
    expect(await scrollY(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/campaign-1280-${lang}.png` });
    // The full chart is one click away.
    const chart = page.getByRole('region', { name: T[lang].chart });
    await chart.getByRole('button', { name: T[lang].expand }).click();
    await expect(chart.getByRole('list', { name: T[lang].byStatus }).getByRole('listitem')).toHaveCount(4);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: `${SHOTS}/campaign-1280-${lang}-chart.png`, fullPage: true });
  });
}

test('an empty campaign shows no zero bars above its empty grid, in both languages', async ({
  page,
  request,
}) => {
  const campaign = await createCampaign(request, { name: 'Shell Empty Campaign' });
  for (const lang of LANGS) {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openCampaign(page, lang, campaign.name);
    const chart = page.getByRole('region', { name: T[lang].chart });
    await expect(chart.getByText(T[lang].empty)).toBeVisible();
    await expect(chart.getByRole('button')).toHaveCount(0);
    await expect(chart.getByRole('listitem')).toHaveCount(0);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: `${SHOTS}/campaign-empty-${lang}.png` });
    await page.context().clearCookies();
    await page.evaluate(() => {
      sessionStorage.clear();
      localStorage.clear();
    });
  }
});

for (const [lang, size] of [
  ['en', SIZES[1]],
  ['es', SIZES[0]],
] as const) {
  test(`at ${size.width}×${size.height} in ${lang}: a count of the chart filters the numbers grid`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const t = T[lang];
    await openCampaign(page, lang);
    const chart = page.getByRole('region', { name: t.chart });
    const failed = chart
      .getByRole('group', { name: t.byStatus })
      .getByRole('button', { name: new RegExp(`^${t.failed} `) });
    await failed.click();
    await expect(failed).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/filter=%7B%22status%22%3A%5B%22Failed%22%5D%7D/);
    const statusCells = page.getByRole('row').filter({ hasText: /\+\d{6,}/ });
    await expect(statusCells.first()).toContainText(t.failed);
    for (const text of await statusCells.allTextContents()) expect(text).toContain(t.failed);
    await page.screenshot({ path: `${SHOTS}/chart-filter-${size.width}-${lang}.png` });
    // Clicked again: every number.
    await failed.click();
    await expect(failed).toHaveAttribute('aria-pressed', 'false');
    await expect(page).toHaveURL(/filter=%7B%7D/);
    // A bar of the full chart: Last result.
    await chart.getByRole('button', { name: t.expand }).click();
    const answered = chart
      .getByRole('list', { name: t.byResult })
      .getByRole('button', { name: new RegExp(`^${t.answered}`) });
    await answered.click();
    await expect(answered).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/ringResult/);
    await expect(statusCells.first()).toContainText(t.answered);
    for (const text of await statusCells.allTextContents()) expect(text).toContain(t.answered);
    await expectNoA11yViolations(page);
  });
}

test('Logout keeps the language and the theme (device settings)', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  await signIn(page);
  await chooseSpanish(page);
  await page.getByRole('button', { name: 'Cambiar entre modo claro y oscuro' }).click();
  await expect.poll(() => backgroundOf(page)).toBe(DARK_BACKGROUND);
  await page.getByRole('button', { name: T.es.account }).click();
  await page.getByRole('menuitem', { name: T.es.logout }).click();
  await expect(page.getByRole('heading', { level: 1, name: T.es.signInTitle })).toBeVisible();
  await expect.poll(() => backgroundOf(page)).toBe(DARK_BACKGROUND);
  await page.screenshot({ path: `${SHOTS}/signed-out-es-dark.png` });
  // A new page load of the sign-in screen (the gate) too.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: T.es.signInTitle })).toBeVisible();
  await page.getByLabel('Token de API', { exact: true }).fill(DEMO_TOKEN);
  await page.getByLabel('ID de cuenta', { exact: true }).fill(DEMO_ACCOUNT_ID);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByRole('banner').getByRole('heading', { level: 1, name: 'Campañas' })).toBeVisible();
  await expect.poll(() => backgroundOf(page)).toBe(DARK_BACKGROUND);
});

for (const lang of LANGS) {
  test(`the campaigns list counts each campaign's numbers, in ${lang}`, async ({ page }) => {
    await page.setViewportSize(lang === 'en' ? SIZES[1] : SIZES[0]);
    await signIn(page);
    if (lang === 'es') await chooseSpanish(page);
    // The seeded campaigns first (the lowest ids): other tests' campaigns may push them off page 1 by name.
    // The counts are recorded from this page on: the first page after signing in asked for its own.
    // Only the new document's requests: those the first page sends while this one loads are not its own.
    const requests: string[] = [];
    let loaded = false;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) loaded = true;
    });
    page.on('request', (request) => {
      if (loaded && /\/campaigns\/[^/]+\/numbers\?/.test(request.url())) requests.push(request.url());
    });
    await page.goto('/campaigns?sort=id&order=ASC');
    const header = page.getByRole('columnheader', { name: T[lang].numbers, exact: true });
    await expect(header).toBeVisible();
    const rowOf = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(rowOf('Spring Sale Callback')).toContainText(/1[,.]?000/);
    await expect(rowOf('Quarterly Survey')).toContainText('50');
    await expect(rowOf('New Leads Inbox').getByRole('cell').filter({ hasText: /^0$/ })).toHaveCount(1);
    // One single-row call per campaign on the page, nothing more.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((url) => decodeURIComponent(url).includes('range=[0,0]'))).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(25);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: `${SHOTS}/campaigns-${lang}.png` });
  });
}

test('a deep link opened in a new tab opens after signing in, and so does a reloaded sign-in page', async ({
  page,
  context,
}) => {
  await page.setViewportSize(SIZES[1]);
  await signIn(page);
  await page.goto(
    `/campaigns?filter=${encodeURIComponent(JSON.stringify({ name: 'Spring Sale Callback' }))}`,
  );
  await page.getByRole('link', { name: 'Spring Sale Callback' }).click();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+\/show/);
  const link = `${new URL(page.url()).pathname}?filter=%7B%22status%22%3A%5B%22Failed%22%5D%7D&order=DESC&page=2&perPage=10&sort=createdAt`;

  // A new tab: its own sessionStorage, so it asks to sign in, then opens the link.
  const tab = await context.newPage();
  await tab.goto(link);
  await tab.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
  await tab.getByLabel('Account ID', { exact: true }).fill(DEMO_ACCOUNT_ID);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab.getByRole('heading', { level: 1, name: /Spring Sale Callback/ })).toBeVisible();
  expect(new URL(tab.url()).pathname + new URL(tab.url()).search).toBe(link);

  // Logout there, reload the sign-in page, sign in: back on that page.
  await tab.getByRole('button', { name: 'Account 1001' }).click();
  await tab.getByRole('menuitem', { name: 'Logout' }).click();
  await expect(tab).toHaveURL(/\/login$/);
  await tab.reload();
  await tab.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
  await tab.getByLabel('Account ID', { exact: true }).fill(DEMO_ACCOUNT_ID);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab.getByRole('heading', { level: 1, name: /Spring Sale Callback/ })).toBeVisible();
  expect(new URL(tab.url()).pathname + new URL(tab.url()).search).toBe(link);
});

test('the campaign page stays current: counts and page refresh, paused while the tab is hidden', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize(SIZES[1]);
  const campaign = await createCampaign(request, { name: 'Shell Live Campaign', numbers: 30, varCount: 1 });
  const addNumber = async (number: string) => {
    const response = await request.post(`/v1/accounts/${DEMO_ACCOUNT_ID}/campaigns/${campaign.id}/numbers`, {
      headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
      data: { number, varValues: ['Live'] },
    });
    expect(response.status(), await response.text()).toBe(201);
  };
  let numberCalls = 0;
  page.on('request', (r) => {
    if (r.url().includes(`/campaigns/${campaign.id}/numbers?`)) numberCalls += 1;
  });
  await openCampaign(page, 'en', campaign.name);
  const chart = page.getByRole('region', { name: T.en.chart });
  await expect(chart.getByText('30 numbers in total')).toBeVisible();

  // What the operator has on screen: a ticked row, text typed in the search, a scrolled window.
  const search = page.getByLabel(T.en.search);
  const searched = page.waitForResponse(
    (r) =>
      r.url().includes(`/campaigns/${campaign.id}/numbers?`) &&
      decodeURIComponent(r.url()).includes('"number"'),
  );
  await search.fill('+12');
  await searched;
  await expect(page).toHaveURL(/number/);
  await page.waitForTimeout(500);
  const row = firstNumberRow(page);
  const rowNumber = (await row.textContent())?.match(/\+\d+/)?.[0] ?? '';
  await row.getByRole('checkbox').check();
  await page.mouse.wheel(0, 250);
  await page.waitForTimeout(300);
  const y = await scrollY(page);

  await addNumber('+12025550101');
  await expect(chart.getByText('31 numbers in total')).toBeVisible({ timeout: 25_000 });
  await expect(page.getByText('+12025550101')).toBeVisible();
  await expect(search).toHaveValue('+12');
  await expect(page.getByRole('row').filter({ hasText: rowNumber }).getByRole('checkbox')).toBeChecked();
  expect(Math.abs((await scrollY(page)) - y)).toBeLessThanOrEqual(2);

  // Hidden tab: nothing is asked.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await page.waitForTimeout(500);
  const callsWhenHidden = numberCalls;
  await addNumber('+12025550102');
  await page.waitForTimeout(17_000);
  expect(numberCalls).toBe(callsWhenHidden);
  await expect(chart.getByText('31 numbers in total')).toBeVisible();
  // Shown again: one refresh, at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await expect(chart.getByText('32 numbers in total')).toBeVisible({ timeout: 5_000 });
  // One call per count and one page of numbers: no storm.
  await page.waitForTimeout(1_000);
  expect(numberCalls - callsWhenHidden).toBeLessThanOrEqual(12);
  await page.screenshot({ path: `${SHOTS}/campaign-live.png` });
});
