import type { Locator, Page } from '@playwright/test';
import type { Campaign } from '../../src/types';
import { createCampaign, expect, expectNoA11yViolations, signIn, test } from './fixtures';

// The campaigns list and a campaign's numbers grid as an operator sees them (issue 10): at 1024 and
// 1366 px wide, in English and Spanish. Screenshots go to /tmp/operator-list-*.png.

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Lang = 'en' | 'es';

const WORDS = {
  en: {
    addNumber: 'Add number',
    upload: 'Upload CSV',
    export: 'Export',
    goToPage: 'Go to page',
    go: 'Go',
    of: 'of',
    campaigns: 'Campaigns',
    lastResult: 'Last result',
    notCalled: 'Not called yet',
  },
  es: {
    addNumber: 'Añadir número',
    upload: 'Subir CSV',
    export: 'Exportar',
    goToPage: 'Ir a la página',
    go: 'Ir',
    of: 'de',
    campaigns: 'Campañas',
    lastResult: 'Último resultado',
    notCalled: 'Aún sin llamar',
  },
} as const;

const chooseLanguage = async (page: Page, lang: Lang) => {
  if (lang === 'en') return;
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
};

const openCampaign = async (page: Page, campaign: Campaign, lang: Lang) => {
  await signIn(page);
  await page.goto(`/campaigns/${campaign.id}/show`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(campaign.name) })).toBeVisible();
  await chooseLanguage(page, lang);
  await expect(page.getByRole('row').locator('td.column-number').first()).toBeVisible();
};

/** The page is never wider than the window. */
const expectNoPageOverflow = async (page: Page) => {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'page width').toBeLessThanOrEqual(innerWidth);
};

/** Inside the window, left to right. */
const expectInWindow = async (page: Page, locator: Locator) => {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, 'bounding box').not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
};

/** Add number and Upload CSV are links to their views, Export a button. */
const action = (page: Page, name: string) =>
  page.getByRole('link', { name, exact: true }).or(page.getByRole('button', { name, exact: true }));

/** Every label of the filter bar is shown whole: not cut, not under a select's arrow. */
const expectFilterLabelsWhole = async (page: Page) => {
  const problems = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.RaFilterForm-filterFormInput')].flatMap((input) => {
      const label = input.querySelector<HTMLElement>('label');
      if (!label) return [];
      const found: string[] = [];
      const text = label.textContent ?? '';
      if (label.scrollWidth > label.clientWidth + 1) found.push(`"${text}" is cut`);
      const icon = input.querySelector<SVGElement>('.MuiSelect-icon');
      if (icon) {
        const labelText = document.createRange();
        labelText.selectNodeContents(label);
        if (labelText.getBoundingClientRect().right > icon.getBoundingClientRect().left)
          found.push(`"${text}" runs into its arrow`);
      }
      return found;
    }),
  );
  expect(problems).toEqual([]);
};

for (const width of [1024, 1366]) {
  for (const lang of ['en', 'es'] as const) {
    const words = WORDS[lang];

    test.describe(`${width}×768, ${lang}`, () => {
      test.use({ viewport: { width, height: 768 } });

      test('a grid of 20 variables scrolls in its card; the page and its actions stay in the window', async ({
        page,
        request,
      }) => {
        const campaign = await createCampaign(request, { name: unique('Wide'), numbers: 30, varCount: 20 });
        await openCampaign(page, campaign, lang);
        await expectNoPageOverflow(page);
        for (const name of [words.addNumber, words.upload, words.export]) {
          await expectInWindow(page, action(page, name));
        }
        const wrapper = page.locator('.RaDataTable-tableWrapper');
        const { scrollWidth, clientWidth } = await wrapper.evaluate((element) => ({
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
        }));
        expect(scrollWidth).toBeGreaterThan(clientWidth);
        // The grid scrolls to its last columns inside its card.
        await wrapper.evaluate((element) => {
          element.scrollLeft = element.scrollWidth;
        });
        await expectInWindow(
          page,
          page.getByRole('columnheader', { name: lang === 'en' ? 'Added' : 'Añadido' }),
        );
        await expectNoPageOverflow(page);
        await page.locator('.RaDataTable-tableWrapper').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/operator-list-wide-${width}-${lang}.png` });
      });

      test('three variables fit or scroll without widening the page', async ({ page, request }) => {
        const campaign = await createCampaign(request, { name: unique('Three'), numbers: 30, varCount: 3 });
        await openCampaign(page, campaign, lang);
        await expectNoPageOverflow(page);
        await expectInWindow(page, action(page, words.export));
      });

      test('dates, counts and pages in the console language; Go beside its field; whole filter labels', async ({
        page,
        request,
      }) => {
        const campaign = await createCampaign(request, {
          name: unique('Locale'),
          numbers: 1300,
          varCount: 1,
        });
        await openCampaign(page, campaign, lang);
        const added = page.getByRole('row').locator('td.column-createdAt').first();
        // A month name, never 9/10/2025; a 24-hour time.
        await expect(added).toHaveText(/^\d{1,2} [A-Za-z]{3,4}\.? \d{4}, \d\d:\d\d:\d\d$/);
        // Spanish groups from five digits: "1300", where the en-US browser would say "1,300".
        await expect(page.getByText(lang === 'en' ? '1-25 of 1,300' : '1-25 de 1300')).toBeVisible();
        await expect(page.getByRole('button', { name: `${words.goToPage} 52` })).toBeVisible();

        const field = page.getByLabel(words.goToPage, { exact: true });
        const go = page.getByRole('button', { name: words.go, exact: true });
        const fieldBox = await field
          .locator('xpath=ancestor::div[contains(@class,"MuiInputBase-root")]')
          .boundingBox();
        const goBox = await go.boundingBox();
        expect(Math.abs((goBox?.y ?? 0) - (fieldBox?.y ?? 100))).toBeLessThanOrEqual(1);
        expect(Math.abs((goBox?.height ?? 0) - (fieldBox?.height ?? 100))).toBeLessThanOrEqual(1);

        await expectFilterLabelsWhole(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `/tmp/operator-list-numbers-${width}-${lang}.png` });
        await page.getByRole('combobox', { name: words.lastResult }).click();
        await page.getByRole('option', { name: words.notCalled }).click();
        await page.keyboard.press('Escape');
        await expect(page).toHaveURL(/ringResult%22%3A%5Bnull%5D|ringResult":\[null\]/);
        await expectFilterLabelsWhole(page);
        await page.screenshot({ path: `/tmp/operator-list-filtered-${width}-${lang}.png` });
        await expectNoA11yViolations(page);
      });

      test('the campaigns list: labels whole, dates with a month name, every mode translated', async ({
        page,
      }) => {
        await signIn(page);
        await chooseLanguage(page, lang);
        await expect(page.getByRole('heading', { level: 1, name: words.campaigns }).first()).toBeVisible();
        await expectNoPageOverflow(page);
        await expectFilterLabelsWhole(page);
        const start = page.locator('td.column-startDate').filter({ hasText: /\d/ }).first();
        await expect(start).toHaveText(/^\d{1,2} [A-Za-z]{3,4}\.? \d{4}$/);
        if (lang === 'es')
          await expect(page.locator('td.column-dialer\\.mode', { hasText: 'Power' })).toHaveCount(0);
        await expect(
          page.getByRole('columnheader', { name: lang === 'en' ? 'Name' : 'Nombre', exact: true }),
        ).toHaveAttribute('aria-sort', 'ascending');
        await page.screenshot({ path: `/tmp/operator-list-campaigns-${width}-${lang}.png`, fullPage: true });
        await expectNoA11yViolations(page);
      });
    });
  }
}
