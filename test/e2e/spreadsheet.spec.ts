import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { encryptedWorkbook } from '../../src/lib/sheet/testing';
import type { Id } from '../../src/types';
import {
  apiNumbers,
  campaignPath,
  campaignUrl,
  createCampaign,
  expect,
  expectNoA11yViolations,
  signIn,
  test,
} from './fixtures';

const openUpload = async (page: Page, campaignId: Id) => {
  await page.goto(campaignPath(campaignId));
  await page.getByRole('link', { name: 'Upload CSV' }).click();
  await expect(page).toHaveURL(campaignUrl(campaignId, 'numbers/upload'));
};

/** A workbook made here with the same library the console reads it with. */
const workbook = (rows: unknown[][], bookType: 'xlsx' | 'ods'): string => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Leads');
  return Buffer.from(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer).toString('base64');
};

/** A real drop of a file whose bytes are given in base64 (a workbook) or as text. */
const drop = async (
  page: Page,
  name: string,
  content: { base64: string } | { text: string },
  lang: 'en' | 'es' = 'en',
) => {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const bytes =
        'base64' in content
          ? Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0))
          : new TextEncoder().encode(content.text);
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name));
      return transfer;
    },
    { name, content },
  );
  const prompt =
    lang === 'en'
      ? /Drop a CSV file or a spreadsheet \(\.xlsx, \.xls, \.ods\) here, or choose one/
      : /Suelte aquí un archivo CSV o una hoja de cálculo \(\.xlsx, \.xls, \.ods\), o elija un archivo/;
  const zone = page.getByRole('button', { name: prompt });
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer });
  await expect(page.getByText(`${lang === 'en' ? 'File' : 'Archivo'}: ${name}`)).toBeVisible();
};

const role = (page: Page, column: string) => page.getByRole('combobox', { name: `Role of column ${column}` });

const choose = async (page: Page, column: string, option: string) => {
  await role(page, column).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

const LEADS = [
  ['Customer ID', 'Name', 'Phone', 'City', 'Amount'],
  ['C-1001', 'Ana', '(202) 555-0111', 'Boston', 10],
  ['C-1002', 'Bo', '2025550112', 'Denver', 20],
  ['C-1003', 'Cy', '+1 202 555 0113', 'Austin', 30],
];

test.describe('spreadsheets and column mapping', () => {
  test('an .xlsx whose phone is the third of five columns: suggested, remapped, uploaded, remembered', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'E2E sheet: xlsx' });
    await signIn(page);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await openUpload(page, campaign.id);
    await drop(page, 'leads.xlsx', { base64: workbook(LEADS, 'xlsx') });

    await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
    await expect(role(page, 'Phone')).toHaveText('Number');
    await expect(role(page, 'Customer ID')).toHaveText('Variable 1');
    await expect(role(page, 'Amount')).toHaveText('Variable 4');
    await expect(page.getByText('For example: C-1001 · C-1002 · C-1003')).toBeVisible();
    const preview = page.getByRole('table', { name: 'Preview of the file' });
    await expect(preview.getByRole('row', { name: /2025550112/ })).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectNoA11yViolations(page);
    if (process.env.SIPCALLER_SCREENSHOTS === '1')
      await page.screenshot({ path: 'docs/screenshots/columns.png', fullPage: true });

    // Ignore closes the gap: the variables after it move up, and the upload can go.
    await choose(page, 'Customer ID', 'Ignore');
    await expect(role(page, 'Name')).toHaveText('Variable 1');
    await expect(role(page, 'Amount')).toHaveText('Variable 3');
    await expect(page.getByRole('button', { name: 'Upload', exact: true })).toBeEnabled();
    // Numbers the operator chooses are theirs: the upload waits until they are fixed, and says why.
    await choose(page, 'Amount', 'Variable 1');
    await expect(page.getByText(/Two columns are Variable 1/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Upload', exact: true })).toBeDisabled();
    await choose(page, 'Name', 'Variable 2');
    await choose(page, 'City', 'Variable 3');
    await expect(page.getByText(/Two columns are Variable/)).toBeHidden();
    await expect(preview.getByRole('row', { name: /2025550112/ })).toContainText('20');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('3 numbers added to the campaign.')).toBeVisible();
    const rows = await apiNumbers(request, campaign.id);
    expect(rows.map((row) => [row.number, ...row.varValues])).toEqual([
      ['+12025550111', '10', 'Ana', 'Boston'],
      ['+12025550112', '20', 'Bo', 'Denver'],
      ['+12025550113', '30', 'Cy', 'Austin'],
    ]);

    // The same layout again: the last mapping is applied.
    await page.getByRole('button', { name: 'Upload another file' }).click();
    const more = [LEADS[0], ['C-1004', 'Di', '2025550114', 'Miami', 40]];
    await drop(page, 'more-leads.xlsx', { base64: workbook(more, 'xlsx') });
    await expect(
      page.getByText('The mapping of your last upload with these columns is applied.'),
    ).toBeVisible();
    await expect(role(page, 'Customer ID')).toHaveText('Ignore');
    await expect(role(page, 'Amount')).toHaveText('Variable 1');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('1 number added to the campaign.')).toBeVisible();
    const after = await apiNumbers(request, campaign.id);
    expect(after.map((row) => [row.number, ...row.varValues])[3]).toEqual([
      '+12025550114',
      '40',
      'Di',
      'Miami',
    ]);
  });

  test('an .ods with a Spanish header', async ({ page, request }) => {
    const campaign = await createCampaign(request, { name: 'E2E sheet: ods' });
    await signIn(page);
    await openUpload(page, campaign.id);
    const rows = [
      ['Nombre', 'Teléfono móvil'],
      ['Lucía', '2025550121'],
      ['Pedro', '2025550122'],
    ];
    await drop(page, 'contactos.ods', { base64: workbook(rows, 'ods') });
    await expect(role(page, 'Teléfono móvil')).toHaveText('Number');
    await expect(role(page, 'Nombre')).toHaveText('Variable 1');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('2 numbers added to the campaign.')).toBeVisible();
    const stored = await apiNumbers(request, campaign.id);
    expect(stored.map((row) => [row.number, ...row.varValues])).toEqual([
      ['+12025550121', 'Lucía'],
      ['+12025550122', 'Pedro'],
    ]);
  });

  test('a pasted list of numbers', async ({ page, request }) => {
    const campaign = await createCampaign(request, { name: 'E2E sheet: paste' });
    await signIn(page);
    await openUpload(page, campaign.id);
    await page.getByRole('button', { name: 'Paste numbers' }).click();
    await page.getByLabel('Numbers to check').fill('2025550131, 2025550132; (202) 555-0133\n2025550134');
    await page.getByRole('button', { name: 'Check these numbers' }).click();
    await expect(page.getByText('File: pasted numbers.csv')).toBeVisible();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('4 numbers added to the campaign.')).toBeVisible();
    const stored = await apiNumbers(request, campaign.id);
    expect(stored.map((row) => row.number)).toEqual([
      '+12025550131',
      '+12025550132',
      '+12025550133',
      '+12025550134',
    ]);
  });

  const CRM = [
    'Customer ID,First Name,Last Name,Mobile Phone,Home Phone,Email,City,Balance',
    '1001,Jane,Doe,(202) 555-0141,202-555-0151,jane@example.com,Boston,199.50',
    '1002,John,Roe,,202 555 0152,john@example.com,Denver,12',
    '1003,Ann,Poe,2025550143,,ann@example.com,Austin,0',
  ].join('\r\n');

  test('the CRM export at 1024 px in Spanish: the page is never wider than the window', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'E2E sheet: CRM csv at 1024 px' });
    await signIn(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(campaignPath(campaign.id));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.getByRole('link', { name: 'Subir CSV' }).click();
    await drop(page, 'crm-export.csv', { text: `${CRM}\r\n` }, 'es');
    const homePhone = page.getByRole('combobox', { name: 'Función de la columna Home Phone' });
    await expect(homePhone).toHaveText('Número, segunda opción: se usa cuando el primero no es válido');
    await expect(
      page.getByText(
        'Números válidos tomados de Mobile Phone (primera opción): 2 · Home Phone (segunda opción): 1',
      ),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: /vista previa/i })).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, 'page width').toBeLessThanOrEqual(innerWidth);
    // Every select is at least as wide as its label, so the operator sees which column it is for.
    for (const select of await page.getByRole('combobox', { name: /^Función de la columna/ }).all()) {
      const { text, cut } = await select.evaluate((element) => {
        const [labelId] = (element.getAttribute('aria-labelledby') ?? '').split(' ');
        const label = document.getElementById(labelId ?? '');
        return { text: label?.textContent, cut: label ? label.scrollWidth > label.clientWidth + 1 : true };
      });
      expect(cut, `"${text}" is cut`).toBe(false);
    }
  });

  test('a CRM export with eight columns and two phone columns', async ({ page, request }) => {
    const campaign = await createCampaign(request, { name: 'E2E sheet: CRM csv' });
    // The mapped analysis writes the rows in a worker of their own (src/lib/csv/validRowsWorker.ts):
    // its script is fetched, as the production build and its Content-Security-Policy allow.
    const workers: string[] = [];
    page.context().on('requestfinished', (sent) => {
      if (/validRowsWorker-[\w-]+\.js$/.test(sent.url())) workers.push(sent.url());
    });
    await signIn(page);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await openUpload(page, campaign.id);
    const csv = CRM;
    await drop(page, 'crm-export.csv', { text: `${csv}\r\n` });
    await expect(role(page, 'Mobile Phone')).toHaveText('Number');
    await expect(role(page, 'Home Phone')).toHaveText(
      'Number, second choice: used when the first is not valid',
    );
    await expect(
      page.getByText(
        'Valid numbers taken from Mobile Phone (first choice): 2 · Home Phone (second choice): 1',
      ),
    ).toBeVisible();
    await expect(role(page, 'Balance')).toHaveText('Variable 6');
    expect(workers, 'the rows writer started').not.toEqual([]);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('3 numbers added to the campaign.')).toBeVisible();
    const stored = await apiNumbers(request, campaign.id);
    expect(stored.map((row) => [row.number, ...row.varValues])).toEqual([
      ['+12025550141', '1001', 'Jane', 'Doe', 'jane@example.com', 'Boston', '199.50'],
      ['+12025550152', '1002', 'John', 'Roe', 'john@example.com', 'Denver', '12'],
      ['+12025550143', '1003', 'Ann', 'Poe', 'ann@example.com', 'Austin', '0'],
    ]);
  });

  test('a number the spreadsheet damaged, the mapped variables per row, a password-protected workbook', async ({
    page,
    request,
  }) => {
    const campaign = await createCampaign(request, { name: 'E2E sheet: bad cells' });
    await signIn(page);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await openUpload(page, campaign.id);
    const rows = [...LEADS, ['C-1004', 'Di', '1.8005E+10', 'Miami', 40]];
    await drop(page, 'damaged.xlsx', { base64: workbook(rows, 'xlsx') });
    await expect(page.getByText(/1 number was turned into a float by the spreadsheet/)).toBeVisible();
    const varCount = page.getByRole('textbox', { name: 'Variables per row' });
    await expect(varCount).toHaveValue('4');
    await expect(varCount).toHaveAttribute('readonly', '');
    await expect(page.getByText('Set by the Columns below')).toBeVisible();
    await page.getByRole('button', { name: 'Show the invalid row' }).click();
    await expect(
      page
        .getByRole('table', { name: 'Invalid rows' })
        .getByText(
          'Damaged by the spreadsheet (shown as 1.8005E+10): format the column as text and save again',
        ),
    ).toBeVisible();
    await expectNoA11yViolations(page);

    await drop(page, 'locked.xlsx', { base64: Buffer.from(encryptedWorkbook()).toString('base64') });
    await expect(page.getByRole('alert')).toContainText('This workbook is protected by a password.');
    await expect(page.getByRole('button', { name: 'Upload', exact: true })).toHaveCount(0);
    await expectNoA11yViolations(page);
  });
});
