// Crash: kill -9 of the emulator during a large upload. After a restart on the same database file,
// PRAGMA integrity_check is ok and the campaign holds exactly the rows it held before the upload
// (a kill while the file is still arriving), or all of the upload's rows (a kill while it commits):
// never a part of it, and the counters and the search index agree with the rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './child.ts';
import { createFaultCampaign, send } from './http.ts';
import { countersMismatch } from './targets.ts';

const ROWS = 300_000;
const TOKEN = 'crash-token';
const auth = { authorization: `Bearer ${TOKEN}` };

const csvChunk = (from: number, rows: number): string => {
  let text = '';
  for (let i = from; i < from + rows; i++)
    text += `+1212${String(2_000_000 + i).padStart(7, '0')},Name${i % 50},${i % 500}\n`;
  return text;
};

interface Snapshot {
  integrity: string;
  rows: number;
  idSum: number;
  campaignRows: number;
  countersOff: number;
  maxId: number;
}

const snapshot = (dbPath: string, campaignId: number): Snapshot => {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const all = db
      .prepare('SELECT count(*) AS n, coalesce(sum(id), 0) AS s, coalesce(max(id), 0) AS m FROM numbers')
      .get() as {
      n: number;
      s: number;
      m: number;
    };
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      rows: all.n,
      idSum: all.s,
      maxId: all.m,
      campaignRows: db
        .prepare('SELECT count(*) FROM numbers WHERE campaign_id = ?')
        .pluck()
        .get(campaignId) as number,
      countersOff: countersMismatch(db).length,
    };
  } finally {
    db.close();
  }
};

/** The FTS5 index's own check needs a writable connection: run it with no server on the file. */
const ftsIntegrity = (dbPath: string): string => {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.prepare(`INSERT INTO numbers_fts (numbers_fts, rank) VALUES ('integrity-check', 0)`).run();
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
};

/**
 * Streams a multipart upload of ROWS rows: `pauseMs` between 10,000-row chunks. Calls `onSent(rows)`
 * after each chunk; the returned promise settles when the request ends either way.
 */
const streamUpload = (
  url: string,
  path: string,
  pauseMs: number,
  onSent: (rows: number) => void,
): Promise<string> =>
  new Promise((resolve) => {
    const boundary = '----crash-boundary';
    const outgoing = request(`${url}${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    outgoing.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve(`${response.statusCode} ${body}`));
      response.on('error', (error) => resolve(`response error: ${error.message}`));
    });
    outgoing.on('error', (error) => resolve(`request error: ${error.message}`));
    outgoing.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    let sent = 0;
    const next = () => {
      if (outgoing.destroyed) return;
      if (sent >= ROWS) {
        outgoing.end(`\r\n--${boundary}--\r\n`);
        onSent(sent);
        return;
      }
      const rows = Math.min(10_000, ROWS - sent);
      outgoing.write(csvChunk(sent, rows));
      sent += rows;
      onSent(sent);
      setTimeout(next, pauseMs);
    };
    next();
  });

const totalOf = async (url: string, campaignId: number): Promise<number> => {
  const answer = await send(
    url,
    { method: 'GET', url: `/v1/accounts/1001/campaigns/${campaignId}/numbers?range=[0,0]`, headers: auth },
    { agent: false },
  );
  expect(answer.status).toBe(200);
  return Number(String(answer.headers['content-range']).split('/')[1]);
};

describe('kill -9 during an upload', () => {
  let dir: string;
  let dbPath: string;
  let campaignId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipcaller-crash-'));
    dbPath = join(dir, 'crash.db');
    const emulator = await startEmulator(dbPath, { token: TOKEN });
    campaignId = await createFaultCampaign(
      emulator.url,
      { name: 'Crash test', numbers: 5000, varCount: 2 },
      { agent: false },
    );
    await emulator.stop();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('midway through the file: after a restart the database is intact and holds exactly what it held', async () => {
    const before = snapshot(dbPath, campaignId);
    expect(before.integrity).toBe('ok');
    const emulator = await startEmulator(dbPath, { token: TOKEN });
    expect(await totalOf(emulator.url, campaignId)).toBe(before.campaignRows);

    let killed: Promise<void> | null = null;
    const outcome = await streamUpload(
      emulator.url,
      `/v1/accounts/1001/campaigns/${campaignId}/numbers/upload?firstRowIsHeader=false&varCount=2`,
      40,
      (rows) => {
        // Half the file is out (the server has staged many batches by now): pull the plug.
        if (rows >= ROWS / 2 && !killed) killed = emulator.kill9();
      },
    );
    await killed;
    expect(outcome).toMatch(/error/);

    const restarted = await startEmulator(dbPath, { token: TOKEN });
    try {
      expect(await totalOf(restarted.url, campaignId)).toBe(before.campaignRows);
      const after = snapshot(dbPath, campaignId);
      expect(after).toEqual(before);
    } finally {
      await restarted.stop();
    }
    expect(ftsIntegrity(dbPath)).toBe('ok');
  });

  it('while the upload commits: all of it or none of it, never a part, and the database intact', async () => {
    const before = snapshot(dbPath, campaignId);
    const emulator = await startEmulator(dbPath, { token: TOKEN });
    let killed: Promise<void> | null = null;
    await streamUpload(
      emulator.url,
      `/v1/accounts/1001/campaigns/${campaignId}/numbers/upload?firstRowIsHeader=false&varCount=2`,
      0,
      (rows) => {
        // The whole file is out: the server is parsing its tail or moving 300,000 rows into place.
        if (rows >= ROWS && !killed)
          killed = new Promise((resolve) => setTimeout(resolve, 150)).then(() => emulator.kill9());
      },
    );
    await killed;

    const restarted = await startEmulator(dbPath, { token: TOKEN });
    try {
      const total = await totalOf(restarted.url, campaignId);
      expect([before.campaignRows, before.campaignRows + ROWS]).toContain(total);
      const after = snapshot(dbPath, campaignId);
      expect(after.integrity).toBe('ok');
      expect(after.countersOff).toBe(0);
      expect(after.campaignRows).toBe(total);
      expect(after.rows - before.rows).toBe(total - before.campaignRows);
    } finally {
      await restarted.stop();
    }
    expect(ftsIntegrity(dbPath)).toBe('ok');
  });
});
