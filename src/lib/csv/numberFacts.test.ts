import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setTimeZoneSource } from '../phone';
import { nodeTimeZoneSource } from '../phone/testing';
import { analyzeCsv, buildUploadParts, buildZoneFiles, setCsvWorkerFactory } from './client';
import { countLeftOut, type FactsExclusion, isLeftOut, NO_EXCLUSION } from './numberFacts';
import { InProcessCsvWorker } from './testing';
import type { CsvAnalysis, LeftOutRows } from './types';

beforeAll(() => setCsvWorkerFactory(() => new InProcessCsvWorker()));
afterAll(() => setCsvWorkerFactory(null));
afterEach(() => setTimeZoneSource(nodeTimeZoneSource));

const US = { defaultCountry: 'US' } as const;
const FILE =
  'Phone,Name\r\n' +
  '+1 212 555 0123,New York\r\n' +
  '(212) 555-0124,New York 2\r\n' +
  '+1 312 555 0123,Chicago\r\n' +
  '+1 907 555 0123,Alaska\r\n' +
  '+1 900 555 0123,Premium\r\n' +
  '+1 800 555 0123,Toll free\r\n' +
  '+34 912 345 678,Madrid\r\n' +
  '+34 612 345 678,Spanish mobile\r\n' +
  '+44 20 7946 0958,London\r\n' +
  '+800 1234 5678,Freephone\r\n' +
  '555-0001,Invalid\r\n' +
  '+1 212 555 0123,Duplicate\r\n';
const file = () => new Blob([FILE], { type: 'text/csv' });

// 2026-06-01 13:30 UTC: 09:30 in New York, 08:30 in Chicago, 05:30 in Anchorage, 15:30 in Madrid.
const AT = Date.parse('2026-06-01T13:30:00Z');
const WINDOW = { start: 8 * 60, end: 21 * 60 };

const groupOf = (analysis: CsvAnalysis, zones: string[]) =>
  analysis.numberFacts?.groups.filter((group) => group.zones.join(' ') === zones.join(' '));

describe('types and time zones in the analysis', () => {
  it('counts the valid rows by country, type and zones', async () => {
    const analysis = await analyzeCsv(file(), US);
    expect(analysis.valid).toBe(10);
    const groups = analysis.numberFacts?.groups ?? [];
    expect(groups.reduce((sum, group) => sum + group.rows, 0)).toBe(10);
    expect(groups[0]).toEqual({
      country: 'US',
      type: 'FIXED_LINE_OR_MOBILE',
      zones: ['America/New_York'],
      rows: 2,
    });
    expect(groupOf(analysis, ['America/Adak', 'America/Anchorage'])).toHaveLength(1);
    expect(groups.find((group) => group.type === 'PREMIUM_RATE')).toMatchObject({ country: 'US', rows: 1 });
    expect(groups.find((group) => group.type === 'TOLL_FREE' && group.country === 'US')?.zones).toContain(
      'Pacific/Honolulu',
    );
    expect(groups.find((group) => group.country === 'ES' && group.type === 'MOBILE')?.zones).toEqual([
      'Atlantic/Canary',
      'Europe/Madrid',
    ]);
    // The preview's valid rows carry their facts (the page shows which will be left out).
    expect(analysis.preview[4]?.facts).toMatchObject({ country: 'US', type: 'PREMIUM_RATE' });
    expect(analysis.preview[10]?.facts).toBeUndefined();
    expect(groups.find((group) => group.country === null)).toEqual({
      country: null,
      type: 'TOLL_FREE',
      zones: [],
      rows: 1,
    });
  });

  it('leaves out the chosen types and the numbers outside calling hours from the valid rows', async () => {
    const analysis = await analyzeCsv(file(), US);
    const exclude: FactsExclusion = { types: ['PREMIUM_RATE'], hours: null };
    expect(countLeftOut(analysis.numberFacts, exclude)).toBe(1);
    const parts = await buildUploadParts(
      file(),
      { ...analysis, exclude },
      { mode: 'valid', rowsPerPart: 100 },
    );
    const sent = (await Promise.all(parts.map((part) => part.blob.text()))).join('');
    expect(sent).not.toContain('+19005550123');
    expect(sent.trim().split('\r\n')).toHaveLength(9);

    // At 13:30 UTC: Alaska, the +1 numbers of every zone (toll free, premium) and the freephone
    // of no known zone are left out; the rest are inside 08:00-21:00.
    const hours: FactsExclusion = { types: [], hours: { window: WINDOW, at: AT } };
    expect(countLeftOut(analysis.numberFacts, hours)).toBe(4);
    const inHours = await buildUploadParts(
      file(),
      { ...analysis, exclude: hours },
      { mode: 'valid', rowsPerPart: 100 },
    );
    const lines = (await inHours[0].blob.text()).trim().split('\r\n');
    expect(lines).toEqual([
      '+12125550123,New York',
      '+12125550124,New York 2',
      '+13125550123,Chicago',
      '+34912345678,Madrid',
      '+34612345678,Spanish mobile',
      '+442079460958,London',
    ]);
    // Nothing left out: the same rows as before the feature.
    const all = await buildUploadParts(
      file(),
      { ...analysis, exclude: NO_EXCLUSION },
      { mode: 'valid', rowsPerPart: 100 },
    );
    expect(all[0].rows).toBe(10);
  });

  it('names the rows it leaves out, and why, for the upload summary', async () => {
    const analysis = await analyzeCsv(file(), US);
    let leftOut: LeftOutRows | null = null;
    const both: FactsExclusion = { types: ['PREMIUM_RATE'], hours: { window: WINDOW, at: AT } };
    const parts = await buildUploadParts(
      file(),
      { ...analysis, exclude: both },
      {
        mode: 'valid',
        rowsPerPart: 100,
        onLeftOut: (rows) => {
          leftOut = rows;
        },
      },
    );
    // Premium (line 6) by its type; Alaska (5), toll free (7) and freephone (11) by their hours.
    expect(leftOut).toEqual({
      rows: [
        { line: 5, type: null },
        { line: 6, type: 'PREMIUM_RATE' },
        { line: 7, type: null },
        { line: 11, type: null },
      ],
      byType: { PREMIUM_RATE: 1 },
      hours: 3,
    });
    // Sent + left out = the valid rows.
    expect(parts[0].rows + 4).toBe(analysis.valid);
  });

  it('says a number of no known zone is never inside calling hours', () => {
    const facts = { country: null, type: 'TOLL_FREE' as const, zones: [] };
    expect(isLeftOut(facts, { types: [], hours: { window: WINDOW, at: AT } })).toBe(true);
    expect(isLeftOut(facts, NO_EXCLUSION)).toBe(false);
  });

  it('writes one file per set of zones, as the upload of the valid rows would send them', async () => {
    const analysis = await analyzeCsv(file(), US);
    const files = await buildZoneFiles(file(), {
      ...analysis,
      exclude: { types: ['PREMIUM_RATE'], hours: null },
    });
    const byZones = Object.fromEntries(
      await Promise.all(
        files.map(async (zoneFile) => [zoneFile.zones.join(' & '), await zoneFile.blob.text()]),
      ),
    );
    expect(files[0]).toMatchObject({ zones: ['America/New_York'], rows: 2 });
    expect(byZones['America/New_York']).toBe('+12125550123,New York\r\n+12125550124,New York 2\r\n');
    expect(byZones['America/Adak & America/Anchorage']).toBe('+19075550123,Alaska\r\n');
    expect(byZones['']).toBe('+80012345678,Freephone\r\n');
    // The premium-rate number is left out; the toll-free one is in the file of every +1 zone.
    expect(Object.values(byZones).join('')).not.toContain('+19005550123');
    expect(files.reduce((sum, zoneFile) => sum + zoneFile.rows, 0)).toBe(9);
  });

  it('goes on without types and zones when the map cannot load, and refuses to leave rows out by them', async () => {
    setTimeZoneSource(() => Promise.reject(new Error('offline')));
    const analysis = await analyzeCsv(file(), US);
    expect(analysis.valid).toBe(10);
    expect(analysis.numberFacts).toEqual({ groups: [], error: 'offline' });
    await expect(
      buildUploadParts(
        file(),
        { ...analysis, exclude: { types: ['PREMIUM_RATE'], hours: null } },
        { mode: 'valid', rowsPerPart: 100 },
      ),
    ).rejects.toMatchObject({ code: 'timeZonesFailed' });
    await expect(buildZoneFiles(file(), analysis)).rejects.toMatchObject({ code: 'timeZonesFailed' });
    // Without an exclusion the valid rows do not need the map.
    const parts = await buildUploadParts(file(), analysis, { mode: 'valid', rowsPerPart: 100 });
    expect(parts[0].rows).toBe(10);
  });
});
