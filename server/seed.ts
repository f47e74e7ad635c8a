// Demo data for a new database, and a fast bulk generator of numbers for benchmarks.
import type { CampaignStatus, CampaignType, DialerMode } from '../src/types.ts';
import type { Db } from './db.ts';
import { indexNumbersAfter, lastNumberId } from './numbers.ts';

export const DEFAULT_DEMO_ACCOUNT_ID = '1001';
export const OTHER_ACCOUNT_ID = '2002';

export interface SeedCampaign {
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  dialerMode: DialerMode;
  phoneSystemId: number | null;
  extensionId: number | null;
  tagIds: number[];
  startDate: string | null;
  /** How many numbers the seed puts in it, and how many variable values each carries. */
  numbers: number;
  varCount: number;
}

const campaign = (
  name: string,
  type: CampaignType,
  status: CampaignStatus,
  dialerMode: DialerMode,
  extra: Partial<SeedCampaign> = {},
): SeedCampaign => ({
  name,
  type,
  status,
  dialerMode,
  phoneSystemId: 11,
  extensionId: 201,
  tagIds: [],
  startDate: null,
  numbers: 0,
  varCount: 0,
  ...extra,
});

/** The demo account's campaigns; tests and the browser specs rely on these names. */
export const SEED_CAMPAIGNS: readonly SeedCampaign[] = [
  campaign('Spring Sale Callback', 'Dynamic', 'Active', 'Predictive', {
    tagIds: [1, 2],
    startDate: '2026-03-01T09:00:00',
    numbers: 1000,
    varCount: 2,
  }),
  campaign('New Leads Inbox', 'Dynamic', 'Active', 'Power', {
    tagIds: [3],
    startDate: '2026-01-15T08:30:00',
  }),
  campaign('Quarterly Survey', 'Static', 'Active', 'Power', {
    tagIds: [4],
    startDate: '2026-10-01T10:00:00',
    numbers: 50,
    varCount: 1,
  }),
  campaign('Winter Promo Draft', 'Dynamic', 'Draft', 'Predictive', {
    tagIds: [1],
    startDate: '2026-12-01T00:00:00',
  }),
  campaign('Renewal Reminders', 'Dynamic', 'Paused', 'Power', {
    tagIds: [2, 5],
    startDate: '2026-06-01T09:00:00',
    numbers: 20,
    varCount: 2,
  }),
  campaign('Holiday Greetings 2025', 'Dynamic', 'Finished', 'Predictive', {
    tagIds: [6],
    startDate: '2025-12-15T10:00:00',
    numbers: 10,
    varCount: 1,
  }),
  campaign('Cancelled Webinar Invites', 'Dynamic', 'Canceled', 'Power', { startDate: '2025-09-10T14:00:00' }),
  campaign('Appointment Confirmations', 'Static', 'Draft', 'Predictive', { tagIds: [5] }),
  campaign('Payment Follow-up', 'Static', 'Paused', 'Predictive', {
    tagIds: [2],
    startDate: '2026-05-20T09:00:00',
    numbers: 15,
    varCount: 2,
    phoneSystemId: 12,
    extensionId: 305,
  }),
  campaign('Customer Feedback Q3', 'Static', 'Finished', 'Power', {
    tagIds: [4],
    startDate: '2026-07-01T09:00:00',
    numbers: 12,
    varCount: 1,
  }),
  campaign('Event Cancellation Notice', 'Static', 'Canceled', 'Predictive', {
    tagIds: [6],
    startDate: '2026-02-14T18:00:00',
    phoneSystemId: 12,
    extensionId: 305,
  }),
  campaign('Evening Callbacks', 'Dynamic', 'Active', 'Power', {
    tagIds: [1, 3],
    startDate: '2026-11-01T17:00:00',
    numbers: 25,
    varCount: 0,
    phoneSystemId: 12,
    extensionId: 310,
  }),
  campaign('Overdue Accounts', 'Static', 'Active', 'Predictive', {
    tagIds: [2, 5],
    startDate: '2026-09-15T09:00:00',
    numbers: 30,
    varCount: 2,
  }),
];

/** The second account's campaigns: they prove that one account never sees another's data. */
export const OTHER_SEED_CAMPAIGNS: readonly SeedCampaign[] = [
  campaign('Other Account Outreach', 'Dynamic', 'Active', 'Power', {
    phoneSystemId: 21,
    extensionId: 401,
    tagIds: [7],
    startDate: '2026-04-01T09:00:00',
    numbers: 30,
    varCount: 1,
  }),
  campaign('Other Account Archive', 'Static', 'Finished', 'Predictive', {
    phoneSystemId: 21,
    extensionId: 402,
    numbers: 5,
  }),
];

/** Seeded numbers are dated before this instant, so the demo data is the same on every machine. */
export const SEED_REFERENCE_TIME = Date.parse('2026-11-01T00:00:00Z') / 1000;

export interface SeedNumbersOptions {
  /** Variable values per number (0..20): a first name, an amount, then "v3-…" fillers. */
  varCount?: number;
  /** Shifts the generated numbers (a new database and the same calls give the same rows). */
  salt?: number;
}

const FIRST_NAMES = ['John', 'Mary', 'Susan', 'James', 'Walter', 'Ana', 'Luis', 'Carmen', 'Wei', 'Fatima'];

/**
 * Appends `count` generated numbers to a campaign in one transaction, entirely inside SQLite
 * (a recursive CTE, no per-row round trip to JS), then indexes them for search and counts them.
 * Numbers are "+1" and 10 digits, derived from the row's future id (id * an odd multiplier
 * modulo 8e9 is a permutation), so they are distinct across calls too (with one salt); status,
 * attempts, ring result and creation time vary deterministically.
 */
export const seedNumbers = (
  db: Db,
  campaignId: number,
  count: number,
  { varCount = 0, salt = 0 }: SeedNumbersOptions = {},
): { inserted: number; firstId: number; lastId: number } => {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (!Number.isInteger(varCount) || varCount < 0 || varCount > 20)
    throw new RangeError('varCount must be 0..20');
  // Built from integers only: column j of the var values (never text from a caller).
  const varColumns = Array.from({ length: varCount }, (_, j) =>
    j === 0
      ? `json_extract(?, '$[' || (i % ${FIRST_NAMES.length}) || ']')`
      : j === 1
        ? `CAST((i * 37) % 500 + 1 AS TEXT)`
        : `'v${j + 1}-' || i`,
  );
  const varValuesSql = `json_array(${varColumns.join(', ')})`;
  const sql = `
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?),
    g AS (SELECT i, ((i + CAST(? AS INTEGER)) * 2654435761 + CAST(? AS INTEGER) * 97) % 8000000000 AS h,
                 (i * 7919) % 100 AS r FROM s)
    INSERT INTO numbers (campaign_id, number, var_values, status, attempts, ring_result, created_at)
    SELECT ?,
      '+1' || (2000000000 + h),
      ${varValuesSql},
      CASE WHEN r < 55 THEN 'Pending' WHEN r < 65 THEN 'InProgress' WHEN r < 88 THEN 'Completed' ELSE 'Failed' END,
      CASE WHEN r < 55 THEN 0 WHEN r < 65 THEN 1 + r % 2 WHEN r < 88 THEN 1 + r % 3 ELSE 3 END,
      CASE WHEN r < 55 THEN NULL
           WHEN r < 65 THEN CASE r % 3 WHEN 0 THEN NULL WHEN 1 THEN 'NoAnswer' ELSE 'Busy' END
           WHEN r < 88 THEN CASE WHEN r % 4 = 0 THEN 'Machine' ELSE 'Answered' END
           ELSE CASE r % 3 WHEN 0 THEN 'NoAnswer' WHEN 1 THEN 'Busy' ELSE 'Failed' END END,
      strftime('%Y-%m-%dT%H:%M:%fZ', ? - (i * 7907) % 2592000, 'unixepoch')
    FROM g ORDER BY i`;
  const nameValues = varCount > 0 ? [JSON.stringify(FIRST_NAMES)] : [];
  const run = db.transaction(() => {
    const before = lastNumberId(db);
    db.prepare(sql).run(count, before, salt, campaignId, ...nameValues, SEED_REFERENCE_TIME);
    indexNumbersAfter(db, before);
    return { inserted: count, firstId: before + 1, lastId: lastNumberId(db) };
  });
  return run();
};
