// Benchmark 4, listing a campaign of N numbers over HTTP: p50/p99 of each query the grid makes,
// against (a) a bare node:http server answering a constant body of the same size on the same
// loopback — the floor of one HTTP round trip here — and (b) the naive SQL for the same page run
// directly on the same database (OFFSET walk, LIKE scan, COUNT(*)), to show what the design saves.
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedNumbers } from '../server/seed.ts';
import { type Figure, ratio, type Section } from './lib/report.ts';
import { startBenchServer } from './lib/server.ts';
import { percentile, round } from './lib/stats.ts';

const REQUESTS = 200;
const WARMUP = 20;

interface Case {
  name: string;
  params: Record<string, string>;
  /** The same page the naive way, straight on SQLite: the count and the page. */
  naive: string[];
}

const time = async (runs: number, fn: () => Promise<void> | void): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
};

export const runListing = async (rows: number): Promise<Section> => {
  const bench = await startBenchServer({ file: true, seed: true });
  const { db } = bench.server;
  const floor = createHttpServer();
  try {
    const campaignId = bench.campaign('Listing benchmark');
    const seedStarted = performance.now();
    seedNumbers(db, campaignId, rows, { varCount: 2 });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');

    // A 7-digit substring that occurs (rarely), taken from a row a third of the way in.
    const sample = (
      db
        .prepare('SELECT number FROM numbers WHERE campaign_id = ? ORDER BY id LIMIT 1 OFFSET ?')
        .pluck()
        .get(campaignId, Math.floor(rows / 3)) as string
    ).slice(5, 12);
    const deepStart = Math.max(0, rows - 10_000);
    const deep = `[${deepStart},${deepStart + 19}]`;
    const json = (column = 'number') =>
      `SELECT json_object('id', id, 'number', number, 'varValues', json(var_values), 'status', status, 'attempts', attempts, 'ringResult', ring_result, 'createdAt', created_at) FROM numbers WHERE campaign_id = ${campaignId}`.replace(
        'number)',
        `${column})`,
      );
    const cases: Case[] = [
      {
        name: 'first page (console default: createdAt DESC, 25 rows)',
        params: { sort: '["createdAt","DESC"]', range: '[0,24]' },
        naive: [
          `SELECT count(*) FROM numbers WHERE campaign_id = ${campaignId}`,
          `${json()} ORDER BY created_at DESC, id DESC LIMIT 25`,
        ],
      },
      {
        name: `deep page ${deep} by number`,
        params: { sort: '["number","ASC"]', range: deep },
        naive: [
          `SELECT count(*) FROM numbers WHERE campaign_id = ${campaignId}`,
          `${json()} ORDER BY number ASC, id ASC LIMIT 20 OFFSET ${deepStart}`,
        ],
      },
      {
        name: `search number "${sample}" (7 digits)`,
        params: { filter: JSON.stringify({ number: sample }), sort: '["number","ASC"]', range: '[0,24]' },
        naive: [
          `SELECT count(*) FROM numbers WHERE campaign_id = ${campaignId} AND number LIKE '%${sample}%'`,
          `${json()} AND number LIKE '%${sample}%' ORDER BY number LIMIT 25`,
        ],
      },
      {
        name: 'search number "555" (3 digits)',
        params: { filter: '{"number":"555"}', sort: '["number","ASC"]', range: '[0,24]' },
        naive: [
          `SELECT count(*) FROM numbers WHERE campaign_id = ${campaignId} AND number LIKE '%555%'`,
          `${json()} AND number LIKE '%555%' ORDER BY number LIMIT 25`,
        ],
      },
      {
        name: 'sort number DESC, first page',
        params: { sort: '["number","DESC"]', range: '[0,24]' },
        naive: [
          `SELECT count(*) FROM numbers WHERE campaign_id = ${campaignId}`,
          `${json()} ORDER BY number DESC, id DESC LIMIT 25`,
        ],
      },
      {
        name: '100 rows, console default sort (the grid bench page)',
        params: { sort: '["createdAt","DESC"]', range: '[0,99]' },
        naive: [
          `SELECT count(*) FROM numbers WHERE campaign_id = ${campaignId}`,
          `${json()} ORDER BY created_at DESC, id DESC LIMIT 100`,
        ],
      },
    ];

    const base = `${bench.url}/v1/accounts/${bench.accountId}/campaigns/${campaignId}/numbers`;
    // The floor: the same loopback, the same client, a constant body the size of a 25-row page.
    const firstPage = await (
      await fetch(`${base}?${new URLSearchParams(cases[0].params)}`, { headers: bench.headers })
    ).text();
    floor.on('request', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Range': 'numbers 0-24/1' });
      response.end(firstPage);
    });
    await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
    const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/`;
    const get = (url: string) => async () => {
      const response = await fetch(url, { headers: bench.headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    };
    await time(WARMUP, get(floorUrl));

    const figures: Figure[] = [];
    const details: string[] = [];
    for (const item of cases) {
      const url = `${base}?${new URLSearchParams(item.params)}`;
      const probe = await fetch(url, { headers: bench.headers });
      const contentRange = probe.headers.get('content-range');
      await probe.arrayBuffer();
      await time(WARMUP, get(url));
      // Interleaved with the floor, so both see the same load from the rest of the machine.
      const times: number[] = [];
      const floorTimes: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        times.push(...(await time(1, get(url))));
        floorTimes.push(...(await time(1, get(floorUrl))));
      }
      const p50 = percentile(times, 0.5);
      const p99 = percentile(times, 0.99);
      const floorP50 = percentile(floorTimes, 0.5);
      const floorP99 = percentile(floorTimes, 0.99);
      // The naive SQL: a handful of runs is enough to show its cost (a scan is slow every time).
      const statements = item.naive.map((sql) => db.prepare(sql));
      const naiveTimes = await time(5, () => {
        for (const statement of statements) statement.pluck().all();
      });
      const naive = percentile(naiveTimes, 0.5);
      details.push(
        `${item.name}: Content-Range ${contentRange}; naive SQL (count + page) p50 ${round(naive, 1)} ms`,
      );
      figures.push(
        {
          name: `${item.name} — p50`,
          value: round(p50, 2),
          unit: 'ms',
          baseline: round(floorP50, 2),
          baselineName: 'bare http constant',
          ratio: ratio(p50, floorP50),
          note: `naive SQL ${round(naive, 1)} ms`,
        },
        {
          name: `${item.name} — p99`,
          value: round(p99, 2),
          unit: 'ms',
          baseline: round(floorP99, 2),
          baselineName: 'bare http constant',
          ratio: ratio(p99, floorP99),
          target: '< 50 ms',
          pass: p99 < 50,
        },
      );
    }
    return {
      id: 'listing',
      title: '4. Listing a large campaign over HTTP',
      method: [
        `A campaign of ${rows.toLocaleString('en-US')} numbers (seedNumbers, 2 variables, ${round(seedSeconds, 1)} s to seed) in a temporary file database (WAL), the emulator in-process on 127.0.0.1, Node's fetch as the client, one request at a time.`,
        `Each query: ${WARMUP} warm-up requests, then ${REQUESTS} timed, interleaved one by one with requests to the baseline; p50 and p99 of the full round trip (response read).`,
        'Baseline: a bare node:http server in the same process answering a constant 25-row page on the same loopback (the floor of a round trip). Ratio = figure / floor.',
        'Note: the naive SQL time (COUNT(*) + OFFSET walk or LIKE scan, no HTTP) is shown beside each p50: what the query would cost without the counters, the reverse walk and the trigram index.',
        ...details,
      ],
      figures,
    };
  } finally {
    floor.close();
    await bench.stop();
  }
};
