// The simulated dialer (SIPCALLER_SIMULATE_DIALER): how numbers of Active campaigns move, that the
// counters stay true, that nothing else moves, and that it is off unless asked and stops on close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import type { Db } from '../../server/db.ts';
import { createDialer, type DialerOptions } from '../../server/dialer.ts';
import { optionsFromEnv } from '../../server/env.ts';
import { indexNumbersAfter, lastNumberId } from '../../server/numbers.ts';
import { NUMBER_STATUSES, RING_RESULTS } from '../../src/types.ts';
import { auth, campaignId, createCampaign, json, listQuery, numbersUrl, startServer } from './helpers.ts';

interface Row {
  id: number;
  campaign_id: number;
  number: string;
  status: string;
  attempts: number;
  ring_result: string | null;
}

const servers: SipCallerServer[] = [];
const start = async (options: Parameters<typeof startServer>[0] = {}) => {
  const server = await startServer(options);
  servers.push(server);
  return server;
};

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const rows = (db: Db, campaign?: number): Row[] =>
  (campaign === undefined
    ? db
        .prepare('SELECT id, campaign_id, number, status, attempts, ring_result FROM numbers ORDER BY id')
        .all()
    : db
        .prepare(
          'SELECT id, campaign_id, number, status, attempts, ring_result FROM numbers WHERE campaign_id = ? ORDER BY id',
        )
        .all(campaign)) as Row[];

const byStatus = (db: Db, campaign: number): Record<string, number> =>
  Object.fromEntries(
    (
      db
        .prepare('SELECT status, count(*) AS n FROM numbers WHERE campaign_id = ? GROUP BY status')
        .all(campaign) as { status: string; n: number }[]
    ).map(({ status, n }) => [status, n]),
  );

/** number_counts must say exactly what a GROUP BY over numbers says (zero rows aside). */
const expectCountsTrue = (db: Db) => {
  const counters = db
    .prepare(
      'SELECT campaign_id, status, ring_result, n FROM number_counts WHERE n <> 0 ORDER BY campaign_id, status, ring_result',
    )
    .all();
  const actual = db
    .prepare(
      `SELECT campaign_id, status, coalesce(ring_result, '') AS ring_result, count(*) AS n FROM numbers
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
  expect(counters).toEqual(actual);
};

/** A Dynamic Active campaign (by default) holding `count` fresh numbers: Pending, 0 attempts. */
const pendingCampaign = async (
  server: SipCallerServer,
  count: number,
  body: { name?: string; type?: string; status?: string } = {},
): Promise<number> => {
  const id = await createCampaign(server, { name: 'Dialer test', ...body });
  server.db.transaction(() => {
    const before = lastNumberId(server.db);
    const insert = server.db.prepare(
      `INSERT INTO numbers (campaign_id, number, created_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z')`,
    );
    for (let i = 0; i < count; i++)
      insert.run(id, `+1555${String(id).padStart(3, '0')}${String(i).padStart(4, '0')}`);
    indexNumbersAfter(server.db, before);
  })();
  return id;
};

const fields = (row: Row) => ({ status: row.status, attempts: row.attempts, ringResult: row.ring_result });

describe('off unless asked', () => {
  it('a server is started without a dialer, and the environment turns it on only with SIPCALLER_SIMULATE_DIALER', async () => {
    const server = await start();
    expect(server.dialer).toBeNull();
    expect(optionsFromEnv({}, null).dialer).toBe(false);
    expect(optionsFromEnv({ SIPCALLER_SIMULATE_DIALER: '0' }, null).dialer).toBe(false);
    expect(optionsFromEnv({ SIPCALLER_SIMULATE_DIALER: '1' }, null).dialer).toEqual({
      rate: undefined,
      intervalMs: undefined,
      seed: undefined,
    });
    expect(
      optionsFromEnv(
        {
          SIPCALLER_SIMULATE_DIALER: 'true',
          SIPCALLER_DIALER_RATE: '0.5',
          SIPCALLER_DIALER_INTERVAL_MS: '250',
          SIPCALLER_DIALER_SEED: '7',
        },
        null,
      ).dialer,
    ).toEqual({ rate: 0.5, intervalMs: 250, seed: 7 });
    expect(() =>
      optionsFromEnv({ SIPCALLER_SIMULATE_DIALER: '1', SIPCALLER_DIALER_RATE: '0' }, null),
    ).toThrow(/SIPCALLER_DIALER_RATE must be a positive number/);
    expect(() =>
      optionsFromEnv({ SIPCALLER_SIMULATE_DIALER: '1', SIPCALLER_DIALER_SEED: 'abc' }, null),
    ).toThrow(/SIPCALLER_DIALER_SEED/);
  });

  it('without the dialer, a minute of timers moves nothing', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const server = await start();
    const before = rows(server.db);
    vi.advanceTimersByTime(60_000);
    expect(rows(server.db)).toEqual(before);
  });

  it('a proxy has no dialer', async () => {
    const server = await start({ dialer: true, proxyApiUrl: 'http://127.0.0.1:9/v1' });
    expect(server.dialer).toBeNull();
  });
});

describe('progression', () => {
  it('Pending → InProgress (attempts + 1) → Completed, Failed or back to Pending, until every number is done', async () => {
    const server = await start({ seed: false, dialer: { rate: 5, intervalMs: 1000 } });
    server.dialer?.stop();
    const dialer = server.dialer;
    if (!dialer) throw new Error('no dialer');
    const campaign = await pendingCampaign(server, 40);

    const first = dialer.tick();
    expect(first).toEqual({ campaigns: 1, started: 5, completed: 0, failed: 0, retried: 0 });
    const afterFirst = rows(server.db, campaign);
    expect(afterFirst.slice(0, 5).map(fields)).toEqual(
      Array(5).fill({ status: 'InProgress', attempts: 1, ringResult: null }),
    );
    expect(afterFirst.slice(5).every((row) => row.status === 'Pending' && row.attempts === 0)).toBe(true);
    expectCountsTrue(server.db);

    const second = dialer.tick();
    expect(second.completed + second.failed + second.retried).toBe(5);
    expect(second.failed).toBe(0); // one attempt so far: a missed call is retried
    expect(second.started).toBe(5);
    const afterSecond = rows(server.db, campaign);
    for (const row of afterSecond.slice(0, 5)) {
      if (row.status === 'Completed') expect(['Answered', 'Machine']).toContain(row.ring_result);
      else {
        // retried: back to Pending with the result of the missed call, not started again this tick
        expect(row).toMatchObject({ status: 'Pending', attempts: 1 });
        expect(['NoAnswer', 'Busy', 'Failed']).toContain(row.ring_result);
      }
    }
    expectCountsTrue(server.db);

    let ticks = 2;
    const seen = new Map<number, number>(afterSecond.map((row) => [row.id, row.attempts]));
    while (dialer.tick().campaigns > 0) {
      ticks += 1;
      expect(ticks).toBeLessThan(100);
      for (const row of rows(server.db, campaign)) {
        // attempts only grow, by one at most per tick
        const attempts = seen.get(row.id) ?? 0;
        expect(row.attempts - attempts).toBeGreaterThanOrEqual(0);
        expect(row.attempts - attempts).toBeLessThanOrEqual(1);
        seen.set(row.id, row.attempts);
      }
      expectCountsTrue(server.db);
    }

    const done = rows(server.db, campaign);
    expect(done.every((row) => row.status === 'Completed' || row.status === 'Failed')).toBe(true);
    for (const row of done) {
      expect(NUMBER_STATUSES).toContain(row.status);
      expect(RING_RESULTS).toContain(row.ring_result);
      if (row.status === 'Failed') {
        expect(row.attempts).toBe(3);
        expect(['NoAnswer', 'Busy', 'Failed']).toContain(row.ring_result);
      } else {
        expect(row.attempts).toBeGreaterThanOrEqual(1);
        expect(row.attempts).toBeLessThanOrEqual(3);
        expect(['Answered', 'Machine']).toContain(row.ring_result);
      }
    }
    const statuses = byStatus(server.db, campaign);
    expect(statuses.Completed).toBeGreaterThan(0);
    expect(statuses.Completed + (statuses.Failed ?? 0)).toBe(40);
    // a finished campaign is no longer dialed
    expect(dialer.tick()).toEqual({ campaigns: 0, started: 0, completed: 0, failed: 0, retried: 0 });
  });

  it('is deterministic: one seed and one database replay one run; another seed another', async () => {
    const run = async (options: DialerOptions) => {
      const server = await start({ dialer: options });
      server.dialer?.stop();
      const summaries = Array.from({ length: 12 }, () => server.dialer?.tick());
      return { summaries, rows: rows(server.db) };
    };
    const a = await run({ seed: 42 });
    const b = await run({ seed: 42 });
    const c = await run({ seed: 43 });
    expect(b).toEqual(a);
    expect(c.rows).not.toEqual(a.rows);
  });

  it('moves `rate` numbers per second per campaign: fractions carry over, a tick is capped', async () => {
    const slow = await start({ seed: false, dialer: { rate: 0.5, intervalMs: 1000 } });
    slow.dialer?.stop();
    await pendingCampaign(slow, 10);
    expect(Array.from({ length: 4 }, () => slow.dialer?.tick().started)).toEqual([0, 1, 0, 1]);

    const fast = await start({ seed: false, dialer: { rate: 20, intervalMs: 250 } });
    fast.dialer?.stop();
    const one = await pendingCampaign(fast, 30, { name: 'One' });
    const two = await pendingCampaign(fast, 30, { name: 'Two', type: 'Static' });
    expect(fast.dialer?.tick()).toMatchObject({ campaigns: 2, started: 10 });
    expect(byStatus(fast.db, one).InProgress).toBe(5);
    expect(byStatus(fast.db, two).InProgress).toBe(5);

    const capped = await start({ seed: false, dialer: { rate: 1000, maxPerTick: 7 } });
    capped.dialer?.stop();
    await pendingCampaign(capped, 30);
    expect(capped.dialer?.tick().started).toBe(7);
  });
});

describe('what moves and what does not', () => {
  it('only Active campaigns dial, Static and Dynamic; Draft, Paused, Canceled and Finished ones are untouched', async () => {
    const server = await start({ dialer: true });
    server.dialer?.stop();
    const quiet = await Promise.all(
      ['Draft', 'Paused', 'Canceled', 'Finished'].map((status) =>
        pendingCampaign(server, 10, { name: `Quiet ${status}`, status }),
      ),
    );
    const quietRows = () => quiet.flatMap((id) => rows(server.db, id));
    const seededPaused = campaignId(server, 'Renewal Reminders');
    expect(byStatus(server.db, seededPaused).Pending).toBeGreaterThan(0);
    const pausedBefore = rows(server.db, seededPaused);
    const before = quietRows();
    const activeStatic = campaignId(server, 'Quarterly Survey');
    const activeDynamic = campaignId(server, 'Spring Sale Callback');
    const staticBefore = rows(server.db, activeStatic);
    const dynamicBefore = rows(server.db, activeDynamic);

    for (let i = 0; i < 5; i++) server.dialer?.tick();

    expect(quietRows()).toEqual(before);
    expect(rows(server.db, seededPaused)).toEqual(pausedBefore);
    expect(rows(server.db, activeStatic)).not.toEqual(staticBefore);
    expect(rows(server.db, activeDynamic)).not.toEqual(dynamicBefore);
    expectCountsTrue(server.db);

    // Pausing a campaign stops it at once.
    server.db.prepare(`UPDATE campaigns SET status = 'Paused' WHERE id = ?`).run(activeDynamic);
    const paused = rows(server.db, activeDynamic);
    server.dialer?.tick();
    expect(rows(server.db, activeDynamic)).toEqual(paused);
  });

  it('the list API answers the moved statuses, with totals (cached ones included) that follow', async () => {
    const server = await start({ seed: false, dialer: { rate: 5 } });
    server.dialer?.stop();
    const campaign = await pendingCampaign(server, 20);
    const list = async (filter: Record<string, unknown>) => {
      const response = await server.app.inject({
        url: `${numbersUrl(campaign)}?${listQuery({ filter, range: [0, 99] })}`,
        headers: auth(),
      });
      expect(response.statusCode).toBe(200);
      return {
        ids: json<{ id: number; status: string; attempts: number }[]>(response).map((row) => row.id),
        total: Number(response.headers['content-range']?.toString().split('/')[1]),
      };
    };
    const ids = rows(server.db, campaign).map((row) => row.id);
    // A search plus a status filter: a total counted by a scan and cached.
    const searched = { number: '+1555', status: 'InProgress' };
    expect(await list(searched)).toEqual({ ids: [], total: 0 });
    expect((await list({ status: 'Pending' })).total).toBe(20);

    server.dialer?.tick();
    expect(await list({ status: 'InProgress' })).toEqual({ ids: ids.slice(0, 5), total: 5 });
    expect(await list(searched)).toEqual({ ids: ids.slice(0, 5), total: 5 });
    expect((await list({ status: 'Pending' })).total).toBe(15);

    server.dialer?.tick();
    const done = await list({ status: ['Completed', 'Failed'] });
    const retried = await list({ status: 'Pending', ringResult: ['NoAnswer', 'Busy', 'Failed'] });
    expect(done.total + retried.total).toBe(5);
    expect([...done.ids, ...retried.ids].sort((a, b) => a - b)).toEqual(ids.slice(0, 5));
    expect(
      await list({ ...searched, status: ['Completed', 'Pending', 'InProgress', 'Failed'] }),
    ).toMatchObject({
      total: 20,
    });
    expect((await list(searched)).total).toBe(5);
    expect((await list({ number: '+1555', ringResult: [null] })).total).toBe(15);
  });
});

describe('the timer', () => {
  it('ticks every interval once started, and stops when the server closes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const server = await startServer({ seed: false, dialer: { rate: 2, intervalMs: 500 } });
    const campaign = await pendingCampaign(server, 50);
    expect(server.dialer?.running).toBe(true);
    vi.advanceTimersByTime(499);
    expect(byStatus(server.db, campaign)).toEqual({ Pending: 50 });
    vi.advanceTimersByTime(1);
    expect(byStatus(server.db, campaign).InProgress).toBe(1);
    vi.advanceTimersByTime(2000);
    // five ticks of one call each (a retried number is Pending again: count the attempts)
    expect(server.db.prepare('SELECT sum(attempts) FROM numbers').pluck().get()).toBe(5);

    await server.close();
    expect(server.dialer?.running).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    // The database is closed: a tick still scheduled would throw here.
    vi.advanceTimersByTime(10_000);
  });

  it('skips a tick while another process holds the database, without waiting or reporting an error', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dir = mkdtempSync(join(tmpdir(), 'sipcaller-dialer-'));
    const onError = vi.fn();
    try {
      const server = await start({ db: join(dir, 'db.sqlite'), seed: false, dialer: { rate: 5, onError } });
      const campaign = await pendingCampaign(server, 20);
      const other = new Database(join(dir, 'db.sqlite'));
      other.exec('BEGIN IMMEDIATE');
      const started = performance.now();
      vi.advanceTimersByTime(3000);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(byStatus(server.db, campaign)).toEqual({ Pending: 20 });
      other.exec('COMMIT');
      other.close();
      vi.advanceTimersByTime(1000);
      expect(byStatus(server.db, campaign).InProgress).toBe(5);
      expect(onError).not.toHaveBeenCalled();
      expect(server.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('at scale', () => {
  it('a tick on a large campaign walks indexes only: a few milliseconds', async () => {
    const server = await start({ seed: false });
    const campaign = await createCampaign(server, { name: 'Big', numbers: 200_000 });
    const dialer = createDialer(server.db, { rate: 50 });
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      dialer.tick();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[10]).toBeLessThan(15);
    const counters = server.db
      .prepare(`SELECT status, sum(n) AS n FROM number_counts WHERE campaign_id = ? GROUP BY status`)
      .all(campaign);
    const actual = server.db
      .prepare(`SELECT status, count(*) AS n FROM numbers WHERE campaign_id = ? GROUP BY status`)
      .all(campaign);
    expect(counters).toEqual(actual);
  });
});
