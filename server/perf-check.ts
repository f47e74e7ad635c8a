// Quick latency check of the emulator at scale (not a benchmark suite):
//   tsx server/perf-check.ts [--count 1000000] [--runs 60] [--upload-rows 1000000]
// Seeds one campaign with --count numbers in a temporary database file, then times list calls
// over real HTTP and, with --upload-rows, one CSV upload of that many rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from './app.ts';
import { createNumberStore } from './numbers.ts';
import { parseNumberListParams } from './query.ts';
import { seedNumbers } from './seed.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '60' },
    'upload-rows': { type: 'string', default: '0' },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);
const uploadRows = Number(values['upload-rows']);

const dir = mkdtempSync(join(tmpdir(), 'sipcaller-perf-'));
const server = await createServer({ db: join(dir, 'perf.db'), demoToken: 'perf-token', admin: true });
// Time spent inside the server per request (from its arrival to the reply sent), to tell the
// server's cost from the client's and the scheduler's on a busy machine.
let serverTime = 0;
server.app.addHook('onResponse', async (_request, reply) => {
  serverTime = reply.elapsedTime;
});
try {
  const campaign = server.db
    .prepare(
      `INSERT INTO campaigns (account_id, name, type, status, dialer_mode) VALUES (?, 'Perf', 'Dynamic', 'Active', 'Power') RETURNING id`,
    )
    .pluck()
    .get(server.demo.accountId) as number;
  let started = performance.now();
  seedNumbers(server.db, campaign, count, { varCount: 2 });
  console.info(`seedNumbers: ${count} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const base = `${await server.listen(0)}/v1/accounts/${server.demo.accountId}/campaigns/${campaign}/numbers`;
  const headers = { Authorization: 'Bearer perf-token' };
  const sample = (
    server.db
      .prepare('SELECT number FROM numbers WHERE campaign_id = ? LIMIT 1 OFFSET ?')
      .pluck()
      .get(campaign, Math.floor(count / 3)) as string
  ).slice(4, 11);
  const cases: [string, Record<string, string>][] = [
    ['first page, sort id', { range: '[0,19]' }],
    ['first page, sort number', { sort: '["number","ASC"]', range: '[0,19]' }],
    ['deep page [990000,990019] by number', { sort: '["number","ASC"]', range: '[990000,990019]' }],
    ['middle page [500000,500019] by number', { sort: '["number","ASC"]', range: '[500000,500019]' }],
    ['sort number DESC', { sort: '["number","DESC"]', range: '[0,19]' }],
    [
      `search number "${sample}" (7 digits)`,
      { filter: JSON.stringify({ number: sample }), sort: '["number","ASC"]', range: '[0,19]' },
    ],
    [
      'search number "555" (3 digits)',
      { filter: '{"number":"555"}', sort: '["number","ASC"]', range: '[0,19]' },
    ],
    [
      'status Failed, sort createdAt DESC',
      { filter: '{"status":"Failed"}', sort: '["createdAt","DESC"]', range: '[0,19]' },
    ],
    [
      'ringResult [Busy,NoAnswer], sort attempts',
      { filter: '{"ringResult":["Busy","NoAnswer"]}', sort: '["attempts","ASC"]', range: '[0,19]' },
    ],
    ['1000 rows', { range: '[0,999]' }],
  ];
  const store = createNumberStore(server.db);
  const percentiles = (times: number[]) => {
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    return `p50 ${at(0.5)} ms  p99 ${at(0.99)} ms`;
  };
  for (const [name, params] of cases) {
    // The query alone (in process), then the whole request over HTTP.
    const parsed = parseNumberListParams(params);
    const queryTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      store.list(campaign, parsed);
      queryTimes.push(performance.now() - t);
    }
    const url = `${base}?${new URLSearchParams(params)}`;
    const times: number[] = [];
    const serverTimes: number[] = [];
    let range = '';
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      times.push(performance.now() - t);
      serverTimes.push(serverTime);
      range = response.headers.get('content-range') ?? '';
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
    }
    console.info(
      `${name.padEnd(44)} query ${percentiles(queryTimes)} | in server ${percentiles(serverTimes)} | HTTP ${percentiles(times)}  (${range})`,
    );
  }

  if (uploadRows) {
    const lines: string[] = [];
    for (let i = 0; i < uploadRows; i++)
      lines.push(`+1${String(3000000000 + i * 7)},Name${i % 100},${i % 500}`);
    const csv = new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' });
    const form = new FormData();
    form.append('file', csv, 'numbers.csv');
    started = performance.now();
    const response = await fetch(`${base}/upload?firstRowIsHeader=false&varCount=2`, {
      method: 'POST',
      headers,
      body: form,
    });
    const result = (await response.json()) as { inserted: number };
    console.info(
      `upload ${uploadRows} rows (${(csv.size / 1e6).toFixed(1)} MB): ${response.status}, inserted ${result.inserted} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
