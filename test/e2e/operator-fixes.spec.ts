// Defects an operator trial found, at 1024×768 in English and Spanish: the upload page wider than
// the window with an 8-variable file, scroll boxes not reachable by keyboard, and the like.
import type { Page } from '@playwright/test';
import {
  campaignPath,
  createCampaign,
  DEMO_ACCOUNT_ID,
  DEMO_TOKEN,
  expect,
  expectNoA11yViolations,
  numbersApiPath,
  signIn,
  test,
} from './fixtures';

type Lang = 'en' | 'es';

const T = {
  en: {
    preview: 'Preview of the file',
    dnc: 'Do-not-call lists',
    chooseFile: 'Choose a file (CSV, TXT or spreadsheet)',
    loadList: 'Load a list',
    upload: 'Upload',
    breadcrumbs: 'Breadcrumbs',
    campaigns: 'Campaigns',
    finished: (name: string) => `Upload to ${name} finished: see the summary`,
    action: 'finished: see the summary',
    startDate: 'Start date',
  },
  es: {
    preview: 'Vista previa del archivo',
    dnc: 'Listas de no llamar',
    chooseFile: 'Elegir un archivo (CSV, TXT u hoja de cálculo)',
    loadList: 'Cargar una lista',
    upload: 'Subir',
    breadcrumbs: 'Ruta de navegación',
    campaigns: 'Campañas',
    finished: (name: string) => `Subida a ${name} terminada: ver el resumen`,
    action: 'terminada: ver el resumen',
    startDate: 'Fecha de inicio',
  },
} as const;

const chooseSpanish = async (page: Page) => {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
};

const dropFile = async (page: Page, name: string, content: string, type = 'text/csv') => {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new TextEncoder().encode(content)], name, { type }));
      return transfer;
    },
    { name, content, type },
  );
  const zone = page.getByRole('button', {
    name: /Drop a CSV file or a spreadsheet|Suelte aquí un archivo CSV o una hoja de cálculo/,
  });
  for (const event of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(event, { dataTransfer });
};

const noHorizontalOverflow = async (page: Page) => {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
};

const eightVariables = [
  'phone,first,last,amount,due,city,plan,agent,note',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `(865) 492-${1000 + i},Ana${i},López${i},${100 + i}.50,2026-12-${String((i % 28) + 1).padStart(2, '0')},Knoxville,Gold,agent${i},"note, with comma ${i}"`,
  ),
].join('\n');

for (const lang of ['en', 'es'] as const satisfies readonly Lang[]) {
  test.describe(`operator fixes, ${lang}, 1024×768`, () => {
    test.use({ viewport: { width: 1024, height: 768 } });

    test('an 8-variable file: the page fits the window, the preview scrolls in its own reachable box', async ({
      page,
      request,
    }) => {
      const campaign = await createCampaign(request, { name: `Fixes eight ${lang} ${Date.now()}` });
      await signIn(page);
      if (lang === 'es') await chooseSpanish(page);
      await page.goto(campaignPath(campaign.id, 'numbers/upload'));
      await dropFile(page, 'good8.csv', eightVariables);
      await expect(page.getByRole('table', { name: T[lang].preview })).toBeVisible();
      await noHorizontalOverflow(page);
      const region = page.getByRole('region', { name: T[lang].preview });
      // The table scrolls inside its box, which the keyboard reaches.
      const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      }));
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      await expect(region).toHaveAttribute('tabindex', '0');
      await expectNoA11yViolations(page);
    });

    test('the do-not-call lists page: its buttons on one line each, no axe violation', async ({ page }) => {
      const t = T[lang];
      await signIn(page);
      if (lang === 'es') await chooseSpanish(page);
      await page.getByRole('menuitem', { name: t.dnc }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(t.dnc);
      for (const name of [t.chooseFile, t.loadList]) {
        const button = page.getByRole('button', { name, exact: true });
        await expect(button).toBeVisible();
        // One line of a medium button: about 36 px; three lines are about 85.
        expect((await button.boundingBox())?.height ?? 0).toBeLessThan(44);
      }
      await noHorizontalOverflow(page);
      await expectNoA11yViolations(page);
    });

    for (const width of [1024, 1366]) {
      test(`a background upload at ${width}: the app bar says what to do, the list counts the new numbers`, async ({
        page,
        request,
      }) => {
        const t = T[lang];
        await page.setViewportSize({ width, height: 768 });
        // A name that sorts first: the list's first page (by name) must show it whatever other tests created.
        const name = `0 Background upload of the operator trial ${lang} ${width} ${Date.now()}`;
        const campaign = await createCampaign(request, { name });
        await signIn(page);
        if (lang === 'es') await chooseSpanish(page);
        // Parts of two rows: the second waits until released, while the operator is on the list.
        await page.evaluate(() => localStorage.setItem('sipcaller.device.rowsPerPart', '2'));
        let release: (() => Promise<void>) | null = null;
        await page.route(`**${numbersApiPath(campaign.id)}/upload**`, async (route) => {
          if (route.request().postData()?.includes('+12025550143')) release = () => route.continue();
          else await route.continue();
        });
        await page.goto(campaignPath(campaign.id, 'numbers/upload'));
        await dropFile(
          page,
          'leads.csv',
          '+12025550141,A\n+12025550142,B\n+12025550143,C\n+12025550144,D\n+12025550145,E\n',
        );
        await page.getByRole('button', { name: t.upload, exact: true }).click();
        await expect.poll(() => release !== null).toBe(true);
        await page
          .getByRole('navigation', { name: t.breadcrumbs })
          .getByRole('link', { name: t.campaigns, exact: true })
          .click();
        const row = page.getByRole('row', { name: new RegExp(name) });
        await expect(row).toBeVisible();
        // The first part is in: two numbers.
        await expect(row.getByRole('cell').nth(5)).toHaveText('2');
        await (release as unknown as () => Promise<void>)();

        const link = page.getByRole('banner').getByRole('link', { name: t.finished(name) });
        await expect(link).toBeVisible();
        // The words that say what to do are not cut: only the campaign's name gives way.
        const clipped = await link.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const cut: string[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement as HTMLElement;
            if (parent.closest('[data-part=name]')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const r = range.getBoundingClientRect();
            if (r.right > box.right + 0.5 || parent.scrollWidth > parent.clientWidth)
              cut.push(node.textContent ?? '');
          }
          return cut;
        });
        expect(clipped).toEqual([]);
        await page.screenshot({
          path: `/tmp/operator-fixes-indicator-${lang}-${width}.png`,
          clip: { x: 0, y: 0, width, height: 64 },
        });
        await expect(link).toHaveAttribute('title', t.finished(name));
        await expect(link).toContainText(t.action);
        // The list's count follows the upload (no reload).
        await expect(row.getByRole('cell').nth(5)).toHaveText('5');
        await noHorizontalOverflow(page);
      });
    }

    test('the campaigns list: its column headers on one line', async ({ page }) => {
      const t = T[lang];
      await signIn(page);
      if (lang === 'es') await chooseSpanish(page);
      const header = page.getByRole('columnheader', { name: t.startDate });
      await expect(header).toBeVisible();
      const lines = await header.evaluate((el) => {
        // The lines its text takes (its text nodes' boxes, not the sort arrow's).
        const tops = new Set<number>();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
        }
        return tops.size;
      });
      expect(lines).toBe(1);
      await noHorizontalOverflow(page);
    });

    const SIGN_IN = {
      en: {
        token: 'API token',
        account: 'Account ID',
        advanced: 'Advanced',
        apiUrl: 'API URL',
        signIn: 'Sign in',
        invalid: 'That API URL is not a valid URL',
        notApi: 'does not look like the SIP Caller API',
      },
      es: {
        token: 'Token de API',
        account: 'ID de cuenta',
        advanced: 'Avanzado',
        apiUrl: 'URL de la API',
        signIn: 'Iniciar sesión',
        invalid: 'Esa URL de la API no es una URL válida',
        notApi: 'no parece la API de SIP Caller',
      },
    }[lang];
    for (const [kind, apiUrl] of [
      ['invalid', 'not a url'],
      ['notApi', 'root'],
    ] as const) {
      test(`sign-in with a malformed API URL (${apiUrl}) says what is wrong with it`, async ({
        page,
        baseURL,
      }) => {
        const t = SIGN_IN;
        await page.goto('/');
        if (lang === 'es')
          await page
            .getByRole('group', { name: 'Language' })
            .getByRole('button', { name: 'Español' })
            .click();
        await page.getByLabel(t.token, { exact: true }).fill(DEMO_TOKEN);
        await page.getByLabel(t.account, { exact: true }).fill(DEMO_ACCOUNT_ID);
        await page.getByRole('button', { name: t.advanced }).click();
        const typed = apiUrl === 'root' ? `${baseURL}/` : apiUrl;
        await page.getByLabel(t.apiUrl).fill(typed);
        await page.getByRole('button', { name: t.signIn }).click();
        await expect(page.getByRole('alert')).toContainText(t[kind]);
        await expect(page.getByLabel(t.apiUrl)).toHaveAttribute('aria-invalid', 'true');
        await expect(page.getByLabel(t.apiUrl)).toHaveValue(typed);
      });
    }
  });
}
