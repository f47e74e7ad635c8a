// Load: 50 concurrent clients for 30 s on loopback, mixing lists, adds, small uploads and deletes on
// three campaigns of the emulator (a child process on a file database). Zero errors (no 5xx, no 4xx,
// no socket error), and each campaign's final count equals what the successful calls imply:
// initial + added + uploaded inserted − deleted ids returned. Bounded: 30 s or 400 calls per client.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../fixtures/random.ts';
import { type EmulatorProcess, startEmulator } from './child.ts';
import { multipartBody } from './hostile.ts';
import { createFaultCampaign, send } from './http.ts';
import { countersMismatch } from './targets.ts';

const CLIENTS = 50;
const DURATION_MS = 30_000;
const MAX_CALLS_PER_CLIENT = 400;
const CAMPAIGNS = 3;
const INITIAL = 2_000;
const TOKEN = 'load-token';
const headers = { authorization: `Bearer ${TOKEN}` };

interface Tally {
  added: number;
  uploaded: number;
  deleted: Set<number>;
}

describe('50 clients for 30 s', () => {
  let dir: string;
  let emulator: EmulatorProcess;
  const campaigns: number[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipcaller-load-'));
    emulator = await startEmulator(join(dir, 'load.db'), { token: TOKEN });
    for (let i = 0; i < CAMPAIGNS; i++) {
      campaigns.push(
        await createFaultCampaign(emulator.url, { name: `Load ${i}`, numbers: INITIAL, varCount: 2 }),
      );
    }
  });
  afterAll(async () => {
    agent.destroy();
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every call, and the counts add up', async () => {
    const tallies = new Map<number, Tally>(
      campaigns.map((id) => [id, { added: 0, uploaded: 0, deleted: new Set() }]),
    );
    const errors: string[] = [];
    const calls = new Map<string, number>();
    let deletedTwice = 0;
    const deadline = Date.now() + DURATION_MS;

    const client = async (index: number) => {
      const random = createRandom(1000 + index);
      for (let call = 0; call < MAX_CALLS_PER_CLIENT && Date.now() < deadline; call++) {
        const campaignId = random.pick(campaigns);
        const tally = tallies.get(campaignId) as Tally;
        const base = `/v1/accounts/1001/campaigns/${campaignId}/numbers`;
        const r = random.next();
        const kind = r < 0.45 ? 'list' : r < 0.7 ? 'add' : r < 0.8 ? 'upload' : 'delete';
        calls.set(kind, (calls.get(kind) ?? 0) + 1);
        try {
          if (kind === 'list') {
            const query = random.pick([
              'range=[0,24]&sort=["createdAt","DESC"]',
              `range=[${random.int(1500)},${random.int(1500) + 1500}]&sort=["number","ASC"]`,
              `filter=${encodeURIComponent(JSON.stringify({ number: String(random.int(1000)) }))}&range=[0,24]`,
              'filter={"status":"Pending"}&range=[0,99]',
            ]);
            const path = random.next() < 0.15 ? '/v1/accounts/1001/campaigns' : `${base}?${query}`;
            const answer = await send(emulator.url, { method: 'GET', url: path, headers }, { agent });
            if (answer.status !== 200) errors.push(`list ${answer.status} ${answer.body.slice(0, 120)}`);
          } else if (kind === 'add') {
            const number = `+1646${String(2_000_000 + random.int(7_999_999)).padStart(7, '0')}`;
            const answer = await send(
              emulator.url,
              {
                method: 'POST',
                url: base,
                headers: { ...headers, 'content-type': 'application/json' },
                body: Buffer.from(JSON.stringify({ number, varValues: [`Client ${index}`, String(call)] })),
              },
              { agent },
            );
            if (answer.status === 201) tally.added++;
            else errors.push(`add ${answer.status} ${answer.body.slice(0, 120)}`);
          } else if (kind === 'upload') {
            const rows = 10 + random.int(40);
            let csv = '';
            for (let i = 0; i < rows; i++) {
              csv +=
                i % 10 === 9
                  ? `not-a-number,x,y\n`
                  : `+1718${String(2_000_000 + random.int(7_999_999)).padStart(7, '0')},U${index},${i}\n`;
            }
            const { body, type } = multipartBody([
              { name: 'file', filename: 'load.csv', type: 'text/csv', content: Buffer.from(csv) },
            ]);
            const answer = await send(
              emulator.url,
              {
                method: 'POST',
                url: `${base}/upload?firstRowIsHeader=false&varCount=2`,
                headers: { ...headers, 'content-type': type },
                body,
              },
              { agent },
            );
            if (answer.status === 200) {
              const result = JSON.parse(answer.body) as { inserted: number; rejectedCount?: number };
              tally.uploaded += result.inserted;
              const expected = rows - Math.floor(rows / 10);
              if (result.inserted !== expected)
                errors.push(`upload inserted ${result.inserted}, expected ${expected}`);
            } else errors.push(`upload ${answer.status} ${answer.body.slice(0, 120)}`);
          } else {
            const page = await send(
              emulator.url,
              {
                method: 'GET',
                url: `${base}?range=[${random.int(500)},${random.int(500) + 500}]&sort=["id","ASC"]`,
                headers,
              },
              { agent },
            );
            if (page.status !== 200) {
              errors.push(`delete/list ${page.status} ${page.body.slice(0, 120)}`);
              continue;
            }
            const rows = JSON.parse(page.body) as { id: number }[];
            const ids = Array.from(
              { length: 1 + random.int(8) },
              () => rows[random.int(rows.length)]?.id,
            ).filter((id): id is number => id !== undefined);
            const answer = await send(
              emulator.url,
              {
                method: 'DELETE',
                url: base,
                headers: { ...headers, 'content-type': 'application/json' },
                body: Buffer.from(JSON.stringify(ids)),
              },
              { agent },
            );
            if (answer.status !== 200) {
              errors.push(`delete ${answer.status} ${answer.body.slice(0, 120)}`);
              continue;
            }
            for (const id of JSON.parse(answer.body) as number[]) {
              if (tally.deleted.has(id)) deletedTwice++;
              tally.deleted.add(id);
            }
          }
        } catch (error) {
          errors.push(`${kind}: ${(error as Error).message}`);
        }
      }
    };

    await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));

    console.info(
      `load: ${[...calls].map(([kind, n]) => `${n} ${kind}`).join(', ')}; ${[...tallies.values()]
        .map((t) => `+${t.added} added +${t.uploaded} uploaded −${t.deleted.size} deleted`)
        .join(' | ')}`,
    );
    expect(errors.slice(0, 20)).toEqual([]);
    expect(deletedTwice).toBe(0);
    for (const kind of ['list', 'add', 'upload', 'delete']) expect(calls.get(kind) ?? 0).toBeGreaterThan(0);

    const db = new Database(join(dir, 'load.db'), { readonly: true, fileMustExist: true });
    try {
      for (const campaignId of campaigns) {
        const tally = tallies.get(campaignId) as Tally;
        const expected = INITIAL + tally.added + tally.uploaded - tally.deleted.size;
        const answer = await send(emulator.url, {
          method: 'GET',
          url: `/v1/accounts/1001/campaigns/${campaignId}/numbers?range=[0,0]`,
          headers,
        });
        expect(answer.status).toBe(200);
        expect(Number(String(answer.headers['content-range']).split('/')[1]), `campaign ${campaignId}`).toBe(
          expected,
        );
        expect(db.prepare('SELECT count(*) FROM numbers WHERE campaign_id = ?').pluck().get(campaignId)).toBe(
          expected,
        );
      }
      expect(countersMismatch(db)).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
