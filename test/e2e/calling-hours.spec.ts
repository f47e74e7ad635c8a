import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Id } from '../../src/types';
import {
  apiNumbers,
  campaignPath,
  campaignUrl,
  createCampaign,
  dropCsv,
  expect,
  expectNoA11yViolations,
  signIn,
  test,
  uploadTile,
} from './fixtures';

// Numbers in several US and European zones and one premium-rate number, with a name each.
const FILE = [
  '+1 212 555 0123,New York',
  '+1 212 555 0124,New York 2',
  '+1 312 555 0123,Chicago',
  '+1 213 555 0123,Los Angeles',
  '+34 912 345 678,Madrid',
  '+33 1 42 68 53 00,Paris',
  '+44 20 7946 0958,London',
  '+1 900 555 0123,Premium',
].join('\n');

// The page's clock: 2026-06-01 12:30 UTC is 08:30 in New York, 07:30 in Chicago, 05:30 in Los
// Angeles, 14:30 in Madrid and Paris, 13:30 in London. The browser's zone is UTC, so the campaign's
// start, 16:00, is 12:00 in New York and 09:00 in Los Angeles.
const NOW = new Date('2026-06-01T12:30:00Z');
test.use({ timezoneId: 'UTC' });

const openUpload = async (page: Page, campaignId: Id) => {
  await page.goto(campaignPath(campaignId));
  await page.getByRole('link', { name: 'Upload CSV' }).click();
  await expect(page).toHaveURL(campaignUrl(campaignId, 'numbers/upload'));
};

test('calling hours and number types: counts by zone and type, premium left out, one file per zone', async ({
  page,
  request,
}) => {
  const campaign = await createCampaign(request, {
    name: 'E2E calling hours',
    startDate: '2026-06-01T16:00:00',
  });
  await page.clock.setFixedTime(NOW);
  await signIn(page);
  await openUpload(page, campaign.id);
  await dropCsv(page, 'leads.csv', FILE);

  const section = page.getByRole('region', { name: 'Calling hours and number types' });
  await expect(section).toBeVisible();
  // Now: Chicago, Los Angeles and the premium number (every +1 zone, Honolulu at 02:30) are out.
  await expect(uploadTile(page, 'Outside calling hours now')).toHaveText('3');
  // At the campaign start only the premium number is (Honolulu at 06:00).
  await expect(uploadTile(page, 'Outside calling hours at the campaign start')).toHaveText('1');
  await expect(uploadTile(page, 'Unknown time zone')).toHaveText('0');
  await expect(section.getByLabel('Campaign start', { exact: true })).toHaveValue('2026-06-01T16:00');

  const zones = section.getByRole('table', { name: 'Numbers by country and time zone' });
  await expect(
    zones.getByRole('row', { name: /^United States America\/New_York 2 08:30 Inside Inside$/ }),
  ).toBeVisible();
  await expect(
    zones.getByRole('row', { name: /^United States America\/Chicago 1 07:30 Outside Inside$/ }),
  ).toBeVisible();
  await expect(
    zones.getByRole('row', { name: /^Spain Europe\/Madrid 1 14:30 Inside Inside$/ }),
  ).toBeVisible();
  await expect(zones.getByRole('row', { name: /^France Europe\/Paris 1/ })).toBeVisible();
  const types = section.getByRole('table', { name: 'Numbers by type' });
  await expect(types.getByRole('row', { name: 'Fixed line or mobile 4' })).toBeVisible();
  await expect(types.getByRole('row', { name: 'Fixed line 3' })).toBeVisible();
  await expect(types.getByRole('row', { name: 'Premium rate 1' })).toBeVisible();
  await expect(section.getByText(/The type of 4 numbers cannot be told/)).toBeVisible();

  // Premium rate is left out by default, as a choice the operator sees.
  await expect(section.getByRole('checkbox', { name: 'Premium rate numbers (1)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Only the valid rows \(7\)/ })).toBeChecked();

  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoA11yViolations(page);
  if (process.env.SIPCALLER_SCREENSHOTS === '1') {
    // The whole page, clipped to the section: an element screenshot scrolls it under the app bar.
    const box = await section.boundingBox();
    if (box) await page.screenshot({ path: 'docs/screenshots/calling-hours.png', fullPage: true, clip: box });
  }

  // One file per time zone, as the upload would send it.
  await section.getByRole('button', { name: 'Download one file per time zone' }).click();
  const files = section.getByRole('list', { name: 'Files by time zone' });
  await expect(files.getByRole('button')).toHaveCount(6);
  const download = page.waitForEvent('download');
  await files.getByRole('button', { name: 'America/New_York: 2 numbers' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('leads-America_New_York.csv');
  expect(await readFile(await saved.path(), 'utf8')).toBe(
    '+12125550123,New York\r\n+12125550124,New York 2\r\n',
  );

  // Leaving out the numbers outside calling hours at the start drops nothing more but the premium one.
  // The preview's Check column says which rows will be left out, and why, as the choice changes.
  const preview = page.getByRole('table', { name: 'Preview of the file' });
  const premiumRow = preview.getByRole('row', { name: /^8 / });
  await expect(premiumRow).toHaveAccessibleName(/Will be left out: number type \(Premium rate\)$/);
  await expect(preview.getByRole('row', { name: /^3 / })).toHaveAccessibleName(/ OK$/);
  await section
    .getByRole('checkbox', { name: /Numbers outside calling hours at the campaign start/ })
    .check();
  await section.getByRole('checkbox', { name: 'Premium rate numbers (1)' }).uncheck();
  await expect(premiumRow).toHaveAccessibleName(/Will be left out: outside calling hours$/);
  await section.getByRole('checkbox', { name: 'Premium rate numbers (1)' }).check();
  await expect(premiumRow).toHaveAccessibleName(/Will be left out: number type \(Premium rate\)$/);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByText('7 numbers added to the campaign.')).toBeVisible();
  // The premium-rate row is counted and named among the rows not added, with its reason: 7 + 1 = 8.
  await expect(
    page.getByText(
      '1 row was left out by the console before sending: 1 left out by number type (Premium rate).',
    ),
  ).toBeVisible();
  const notAdded = page.getByRole('table', { name: 'Rows that were not added' });
  await expect(notAdded.getByRole('row')).toHaveCount(2);
  await expect(
    notAdded.getByRole('row', { name: '8 Left out by number type (Premium rate) Console, before sending' }),
  ).toBeVisible();
  const sent = (await apiNumbers(request, campaign.id)).map((row) => row.number).sort();
  expect(sent).toEqual([
    '+12125550123',
    '+12125550124',
    '+12135550123',
    '+13125550123',
    '+33142685300',
    '+34912345678',
    '+442079460958',
  ]);
});
