// Benchmark 3, upload ingestion: N rows through the HTTP upload (multipart, streamed, staged, moved
// into the campaign in one transaction) into an in-process emulator on a temporary file database,
// against a bare better-sqlite3 insert of the same rows into the same schema in one transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db.ts';
import { indexNumbersAfter, lastNumberId } from '../server/numbers.ts';
import { csvBuffer } from './lib/csvData.ts';
import { type Figure, ratio, type Section } from './lib/report.ts';
import { startBenchServer } from './lib/server.ts';
import { round } from './lib/stats.ts';

/** The bare insert: the rows already split in memory, one prepared INSERT, one transaction. */
const bareInsert = (rows: [string, string][]): { seconds: number; withoutIndexing: number } => {
  const dir = mkdtempSync(join(tmpdir(), 'sipcaller-bare-'));
  const db = openDatabase(join(dir, 'bare.db'));
  try {
    const insert = db.prepare(
      `INSERT INTO numbers (campaign_id, number, var_values, status, attempts, ring_result, created_at)
       VALUES (1, ?, ?, 'Pending', 0, NULL, ?)`,
    );
    const createdAt = new Date().toISOString();
    let insertSeconds = 0;
    const started = performance.now();
    db.transaction(() => {
      const before = lastNumberId(db);
      for (const [number, varValues] of rows) insert.run(number, varValues, createdAt);
      insertSeconds = (performance.now() - started) / 1000;
      // The same schema means the same derived structures: the trigram index and the counters.
      indexNumbersAfter(db, before);
    })();
    return { seconds: (performance.now() - started) / 1000, withoutIndexing: insertSeconds };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export const runUpload = async (rowCount: number): Promise<Section> => {
  const csv = csvBuffer(rowCount, { seed: 3, allValid: true });
  const rows = csv
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line): [string, string] => {
      const [number, ...vars] = line.split(',');
      return [number, JSON.stringify(vars)];
    });

  const bare = bareInsert(rows);
  const bareRate = rowCount / bare.seconds;

  const bench = await startBenchServer({ file: true, seed: false });
  try {
    const campaignId = bench.campaign('Upload benchmark');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(csv)], { type: 'text/csv' }), 'numbers.csv');
    const started = performance.now();
    const response = await fetch(
      `${bench.url}/v1/accounts/${bench.accountId}/campaigns/${campaignId}/numbers/upload?firstRowIsHeader=false&varCount=2`,
      { method: 'POST', headers: bench.headers, body: form },
    );
    const result = (await response.json()) as { inserted?: number; rejectedCount?: number; message?: string };
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 200 || result.inserted !== rowCount) {
      throw new Error(`upload answered ${response.status}: ${JSON.stringify(result).slice(0, 300)}`);
    }
    const stored = bench.server.db
      .prepare('SELECT count(*) FROM numbers WHERE campaign_id = ?')
      .pluck()
      .get(campaignId) as number;
    const rate = rowCount / seconds;
    const figures: Figure[] = [
      {
        name: 'HTTP upload, rows per second',
        value: Math.round(rate),
        unit: 'rows/s',
        baseline: Math.round(bareRate),
        baselineName: 'bare better-sqlite3 insert',
        ratio: ratio(rate, bareRate),
        target: '≥ 0.5 × baseline',
        pass: rate >= 0.5 * bareRate,
        note: `${round(seconds, 1)} s vs ${round(bare.seconds, 1)} s; ${stored.toLocaleString('en-US')} rows stored`,
      },
    ];
    return {
      id: 'upload',
      title: '3. Upload ingestion',
      method: [
        `${rowCount.toLocaleString('en-US')} rows "+1XXXXXXXXXX,Name,123" (${round(csv.length / 1e6, 1)} MB), all valid, POSTed as multipart/form-data by Node's fetch to the emulator in-process (temporary file database, WAL, synchronous=NORMAL, as in production); time until the answer ({ inserted }) arrived.`,
        "Baseline: the same rows, already split in memory, inserted into a fresh database created by server/db.ts openDatabase() (the same schema: 6 indexes on numbers, the FTS5 trigram table, the counters) with one prepared INSERT in one transaction, then the trigram index and counters filled by the emulator's own indexNumbersAfter() in the same transaction.",
        `Bare insert without that indexing step: ${Math.round(rowCount / bare.withoutIndexing).toLocaleString('en-US')} rows/s (for reference).`,
      ],
      figures,
    };
  } finally {
    await bench.stop();
  }
};
