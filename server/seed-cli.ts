// Seeds a campaign with N generated numbers, e.g. for benchmarks:
//   tsx server/seed-cli.ts --campaign "Spring Sale Callback" --count 1000000 [--var-count 2]
//     [--account 1001] [--db ./data/sipcaller.db]
// The campaign is looked up by name in the account and created (Dynamic, Active) if missing.
// Run it while the server is stopped, or against a database file the server also uses (WAL
// lets the running server see the new rows; its cached totals notice the change).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCampaignStore } from './campaigns.ts';
import { openDatabase } from './db.ts';
import { DEFAULT_DB_PATH } from './env.ts';
import { initDatabase } from './init.ts';
import { seedNumbers } from './seed.ts';

const { values } = parseArgs({
  options: {
    campaign: { type: 'string', default: 'Spring Sale Callback' },
    count: { type: 'string', default: '1000000' },
    'var-count': { type: 'string', default: '2' },
    account: { type: 'string' },
    db: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.info(
    'Usage: tsx server/seed-cli.ts --campaign NAME --count N [--var-count K] [--account ID] [--db PATH]\n' +
      'Defaults: SIPCALLER_DB or ./data/sipcaller.db, SIPCALLER_DEMO_ACCOUNT_ID or 1001, 2 variable values.',
  );
  process.exit(0);
}

const count = Number(values.count);
const varCount = Number(values['var-count']);
if (!Number.isSafeInteger(count) || count < 0)
  throw new Error(`--count must be a whole number, not ${values.count}`);
const dbPath = values.db ?? process.env.SIPCALLER_DB ?? DEFAULT_DB_PATH;
if (dbPath === ':memory:') throw new Error('Seeding a :memory: database from another process has no effect.');
mkdirSync(dirname(resolve(dbPath)), { recursive: true });

const db = openDatabase(dbPath);
// A new database gets its accounts and demo campaigns first, as the server would create them.
const demo = initDatabase(db, {
  seed: true,
  demoAccountId: values.account ?? process.env.SIPCALLER_DEMO_ACCOUNT_ID,
  demoToken: process.env.SIPCALLER_DEMO_TOKEN,
  otherToken: process.env.SIPCALLER_OTHER_TOKEN,
});
const accountId = values.account ?? demo.accountId;
const campaigns = createCampaignStore(db);
const existing = db
  .prepare('SELECT id FROM campaigns WHERE account_id = ? AND name = ? ORDER BY id LIMIT 1')
  .pluck()
  .get(accountId, values.campaign) as number | undefined;
const campaignId =
  existing ??
  (campaigns.insert({
    accountId,
    name: values.campaign,
    type: 'Dynamic',
    status: 'Active',
    dialerMode: 'Power',
  }).id as number);

const started = performance.now();
const result = seedNumbers(db, campaignId, count, { varCount });
const seconds = (performance.now() - started) / 1000;
db.close();
console.info(
  `Seeded ${result.inserted} numbers (ids ${result.firstId}-${result.lastId}) into campaign ${campaignId} ` +
    `"${values.campaign}" of account ${accountId} in ${seconds.toFixed(1)} s (${Math.round(result.inserted / seconds)} rows/s); database ${dbPath}`,
);
