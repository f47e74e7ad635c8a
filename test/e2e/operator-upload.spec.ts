// Issue 10, items 4, 5, 9 and 14, as an operator meets them, at 1024×768 and 1366×768 in English
// and Spanish: an upload that goes on while the operator is elsewhere (the app bar shows it, its
// summary one click away, closing the tab asks first), Cancel saying what stays, counts per kind,
// the add form's word on a number already in the campaign, and a binary file's error.
// Screenshots go to /tmp/operator-upload-*.png.
import type { Page } from '@playwright/test';
import {
  apiNumbers,
  campaignPath,
  campaignUrl,
  createCampaign,
  expect,
  expectNoA11yViolations,
  numbersApiPath,
  signIn,
  test,
} from './fixtures';

type Lang = 'en' | 'es';

const T = {
  en: {
    upload: 'Upload',
    uploading: (name: string) => new RegExp(`^Uploading to ${name}: \\d+%$`),
    finished: (name: string) => `Upload to ${name} finished: see the summary`,
    summary: 'Upload finished',
    added: '5 numbers added to the campaign.',
    breadcrumbs: 'Breadcrumbs',
    part: 'Parts of the upload',
    invalid: 'Invalid',
    duplicates: 'Duplicates in the file',
    showInvalid: 'Show the invalid row',
    showDuplicates: 'Show the duplicate row',
  },
  es: {
    upload: 'Subir',
    uploading: (name: string) => new RegExp(`^Subiendo a ${name}: \\d+ %$`),
    finished: (name: string) => `Subida a ${name} terminada: ver el resumen`,
    summary: 'Subida terminada',
    added: '5 números añadidos a la campaña.',
    breadcrumbs: 'Ruta de navegación',
    part: 'Partes de la subida',
    invalid: 'No válidas',
    duplicates: 'Duplicadas en el archivo',
    showInvalid: 'Ver la fila no válida',
    showDuplicates: 'Ver la fila duplicada',
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
      const bytes = Uint8Array.from(content, (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type }));
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

const beforeUnloadPrevented = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

for (const lang of ['en', 'es'] as const satisfies readonly Lang[]) {
  for (const width of [1024, 1366]) {
    test.describe(`operator upload, ${lang}, ${width}×768`, () => {
      test.use({ viewport: { width, height: 768 } });

      test('an upload goes on after a breadcrumb, shown in the app bar, its summary one click away', async ({
        page,
        request,
      }) => {
        const t = T[lang];
        const name = `Leaving ${lang} ${width}`;
        const campaign = await createCampaign(request, { name });
        await signIn(page);
        if (lang === 'es') await chooseSpanish(page);
        // Parts of two rows: five rows go in three requests; the second waits until released.
        await page.evaluate(() => localStorage.setItem('sipcaller.device.rowsPerPart', '2'));
        let release: (() => Promise<void>) | null = null;
        await page.route(`**${numbersApiPath(campaign.id)}/upload**`, async (route) => {
          // Part 2 (its rows, not the request count: the console may ask more than once).
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
        expect(await beforeUnloadPrevented(page)).toBe(true);

        // The breadcrumb back to the campaign while part 2 is on its way.
        await page
          .getByRole('navigation', { name: t.breadcrumbs })
          .getByRole('link', { name, exact: true })
          .click();
        await expect(page).toHaveURL(campaignUrl(campaign.id));
        const banner = page.getByRole('banner');
        const indicator = banner.getByRole('link', { name: t.uploading(name) });
        await expect(indicator).toBeVisible();
        await expect(banner.getByRole('progressbar', { name: t.uploading(name) })).toBeVisible();
        const box = await indicator.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
        await noHorizontalOverflow(page);
        // Closing the tab asks first while the upload runs.
        expect(await beforeUnloadPrevented(page)).toBe(true);
        await page.screenshot({ path: `/tmp/operator-upload-${lang}-${width}-running.png` });
        await expectNoA11yViolations(page);

        // The indicator leads back to the same session.
        await indicator.click();
        await expect(page).toHaveURL(campaignUrl(campaign.id, 'numbers/upload'));
        await expect(page.getByRole('table', { name: t.part })).toBeVisible();
        await page.goBack();
        await expect(page).toHaveURL(campaignUrl(campaign.id));

        await (release as unknown as () => Promise<void>)();
        const finished = banner.getByRole('link', { name: t.finished(name) });
        await expect(finished).toBeVisible();
        expect(await beforeUnloadPrevented(page)).toBe(false);
        await page.screenshot({ path: `/tmp/operator-upload-${lang}-${width}-finished.png` });
        await finished.click();
        await expect(page.getByText(t.summary)).toBeVisible();
        await expect(page.getByText(t.added)).toBeVisible();
        await expect(banner.getByRole('link', { name: t.finished(name) })).toHaveCount(0);
        expect(await apiNumbers(request, campaign.id)).toHaveLength(5);
      });

      test('counts per kind, and a binary file offers another file, not Retry', async ({ page, request }) => {
        const t = T[lang];
        const campaign = await createCampaign(request, { name: `Counts ${lang} ${width}` });
        await signIn(page);
        if (lang === 'es') await chooseSpanish(page);
        await page.goto(campaignPath(campaign.id, 'numbers/upload'));
        await dropFile(page, 'leads.csv', '+12025550151,A\nnot-a-number,B\n+12025550151,C\n+12025550152,D\n');
        const tile = (label: string) =>
          page.locator('dl > div', { has: page.getByText(label, { exact: true }) }).locator('dd');
        await expect(tile(t.invalid)).toHaveText('1');
        await expect(tile(t.duplicates)).toHaveText('1');
        await expect(page.getByRole('button', { name: t.showInvalid })).toBeVisible();
        await expect(page.getByRole('button', { name: t.showDuplicates })).toBeVisible();
        await noHorizontalOverflow(page);
        await page.screenshot({ path: `/tmp/operator-upload-${lang}-${width}-counts.png`, fullPage: true });

        // Every delimiter reads whole in its select ("Punto y coma (;)" was cut at 170 px).
        const delimiter = page.getByLabel(lang === 'en' ? 'Delimiter' : 'Separador');
        for (const value of [',', ';', '\t']) {
          await delimiter.selectOption(value);
          const fits = await delimiter.evaluate((select: HTMLSelectElement) => {
            const style = getComputedStyle(select);
            const context = document.createElement('canvas').getContext('2d');
            if (!context) return false;
            context.font = style.font;
            const text = select.selectedOptions[0]?.textContent ?? '';
            const room =
              select.clientWidth -
              Number.parseFloat(style.paddingLeft) -
              Number.parseFloat(style.paddingRight);
            return context.measureText(text).width <= room + 0.5;
          });
          expect(fits, `the delimiter ${JSON.stringify(value)} reads whole`).toBe(true);
        }
        await delimiter.selectOption(',');

        // A PNG renamed .csv: reading it again cannot help.
        await dropFile(page, 'photo.csv', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01', 'text/csv');
        const failed = page.getByRole('alert');
        await expect(failed).toHaveCount(1);
        await expect(
          failed.getByRole('button', { name: lang === 'en' ? 'Retry' : 'Reintentar' }),
        ).toHaveCount(0);
        await expect(
          failed.getByRole('button', { name: lang === 'en' ? 'Choose another file' : 'Elegir otro archivo' }),
        ).toBeVisible();
        // A refused file next: only its own error is on screen.
        await dropFile(page, 'photo.png', 'x', 'image/png');
        await expect(page.getByRole('alert')).toHaveCount(1);
        await expect(page.getByRole('alert')).toContainText('photo.png');
      });
    });
  }
}

test.describe('Cancel and the add form, 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('Cancel says how many numbers of the accepted parts stay in the campaign', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'Cancel stays' });
    await signIn(page);
    await page.evaluate(() => localStorage.setItem('sipcaller.device.rowsPerPart', '2'));
    await page.route(`**${numbersApiPath(campaign.id)}/upload**`, async (route) => {
      // The second part (its rows) hangs until the operator cancels it.
      if (!route.request().postData()?.includes('+12025550163')) await route.continue();
    });
    await page.goto(campaignPath(campaign.id, 'numbers/upload'));
    await dropFile(page, 'leads.csv', '+12025550161,A\n+12025550162,B\n+12025550163,C\n');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await expect(cancel).toHaveAccessibleDescription('2 numbers of part 1 are already in the campaign.');
    await cancel.click();
    const canceled = page.getByRole('alert').filter({ hasText: 'The upload was canceled' });
    await expect(canceled).toContainText('2 numbers of part 1 are already in the campaign.');
    await page.screenshot({ path: '/tmp/operator-upload-cancel.png' });
  });

  for (const lang of ['en', 'es'] as const) {
    test(`the add form says a number is already in the campaign (${lang})`, async ({ page, request }) => {
      const campaign = await createCampaign(request, { name: `Already ${lang}` });
      await signIn(page);
      if (lang === 'es') await chooseSpanish(page);
      const add = async (typed: string) => {
        await page.goto(campaignPath(campaign.id, 'numbers/create'));
        await page.getByLabel(lang === 'en' ? /^Number/ : /^Número/).fill(typed);
        await page.getByRole('button', { name: lang === 'en' ? 'Save' : 'Guardar', exact: true }).click();
      };
      await add('+1 202 555 0171');
      await expect(page).toHaveURL(campaignUrl(campaign.id));
      await add('(202) 555-0171');
      const warning = page.getByRole('alert').filter({
        hasText:
          lang === 'en'
            ? /Already in this campaign \(added \d+ \w+ \d{4}\)/
            : /Ya está en esta campaña \(añadido el \d+ \w+ \d{4}\)/,
      });
      await expect(warning).toBeVisible();
      await page.screenshot({ path: `/tmp/operator-upload-already-${lang}.png` });
      expect(await apiNumbers(request, campaign.id)).toHaveLength(1);
      await warning
        .getByRole('button', { name: lang === 'en' ? 'Add anyway' : 'Añadir de todos modos' })
        .click();
      await expect(page).toHaveURL(campaignUrl(campaign.id));
      expect(await apiNumbers(request, campaign.id)).toHaveLength(2);
    });
  }
});
