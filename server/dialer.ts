// The simulated dialer (SIPCALLER_SIMULATE_DIALER=1): numbers of Active campaigns move as if a
// dialer were calling them, so the console's campaign page has something to keep current.
//
// Each tick, for each Active campaign (Static and Dynamic alike: both dial while Active; a Dynamic
// one also takes new numbers meanwhile), in one IMMEDIATE transaction:
//   1. up to `budget` InProgress numbers (lowest ids first) get a ring result: Answered or Machine
//      → Completed; NoAnswer, Busy or Failed → back to Pending for a retry, or Failed once the
//      number has had `maxAttempts` attempts;
//   2. up to `budget` Pending numbers (lowest ids first, not those just sent back) → InProgress,
//      attempts + 1; the ring result of the previous attempt stays until the call ends.
// `budget` = rate × interval (a fraction is carried to the next tick), at most `maxPerTick`. Every
// read walks the (campaign_id, status) index with a LIMIT, so a tick on a million-number campaign
// costs about what it costs on a small one. number_counts is kept in step, and the campaign's
// status version (read by the number store's cached totals) is bumped.
import { type NumberStatus, RING_RESULTS, type RingResult } from '../src/types.ts';
import type { Db } from './db.ts';
import { statusVersionKey } from './numbers.ts';
import { createRandom } from './random.ts';

export interface DialerOptions {
  /** Calls started (and, as many, ended) per second per campaign. Default 5. */
  rate?: number;
  /** Milliseconds between ticks. Default 1000. */
  intervalMs?: number;
  /** Seed of the ring results: one seed and one database replay one run. Default 1. */
  seed?: number;
  /** Attempts before a number that is not answered is Failed. Default 3. */
  maxAttempts?: number;
  /** Most numbers started (and ended) per campaign in one tick, to keep a tick short. Default 100. */
  maxPerTick?: number;
  /** Called with an error a timer tick threw (other than a busy database, which skips the tick). */
  onError?: (error: unknown) => void;
}

export interface TickSummary {
  campaigns: number;
  started: number;
  completed: number;
  failed: number;
  retried: number;
}

export interface Dialer {
  /** One step of the simulation, as the timer runs it (exposed for tests). */
  tick(): TickSummary;
  start(): void;
  stop(): void;
  readonly running: boolean;
}

export const DIALER_DEFAULTS = { rate: 5, intervalMs: 1000, seed: 1, maxAttempts: 3, maxPerTick: 100 };

/** Ring results and their odds (summing to 1); Answered and Machine complete the number. */
const OUTCOMES: readonly (readonly [RingResult, number])[] = [
  ['Answered', 0.5],
  ['Machine', 0.1],
  ['NoAnswer', 0.22],
  ['Busy', 0.12],
  ['Failed', 0.06],
];
const COMPLETING: ReadonlySet<RingResult> = new Set(['Answered', 'Machine']);
if (OUTCOMES.some(([result]) => !RING_RESULTS.includes(result))) throw new Error('unknown ring result');

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`dialer ${name} must be a positive number`);
  return value;
};

export const createDialer = (db: Db, options: DialerOptions = {}): Dialer => {
  const rate = positive('rate', options.rate ?? DIALER_DEFAULTS.rate);
  const intervalMs = positive('intervalMs', options.intervalMs ?? DIALER_DEFAULTS.intervalMs);
  const maxAttempts = Math.floor(positive('maxAttempts', options.maxAttempts ?? DIALER_DEFAULTS.maxAttempts));
  const maxPerTick = Math.floor(positive('maxPerTick', options.maxPerTick ?? DIALER_DEFAULTS.maxPerTick));
  const onError = options.onError ?? ((error: unknown) => console.error('Simulated dialer:', error));
  const random = createRandom(options.seed ?? DIALER_DEFAULTS.seed);
  const perTick = (rate * intervalMs) / 1000;
  /** The fraction of a number each campaign is owed from earlier ticks. */
  const carry = new Map<number, number>();

  // Active campaigns with something to dial or to hang up: the counters answer, not the numbers.
  const dialing = db
    .prepare(
      `SELECT c.id FROM campaigns c WHERE c.status = 'Active' AND EXISTS (
         SELECT 1 FROM number_counts k WHERE k.campaign_id = c.id AND k.status IN ('Pending', 'InProgress') AND k.n > 0)
       ORDER BY c.id`,
    )
    .pluck();
  const inProgress = db.prepare(
    `SELECT id, attempts, coalesce(ring_result, '') AS ring FROM numbers
     WHERE campaign_id = ? AND status = 'InProgress' ORDER BY id LIMIT ?`,
  );
  const setResult = db.prepare('UPDATE numbers SET status = ?, ring_result = ? WHERE id = ?');
  const startCalls = db.prepare(
    `UPDATE numbers SET status = 'InProgress', attempts = attempts + 1 WHERE id IN (
       SELECT id FROM numbers WHERE campaign_id = ? AND status = 'Pending'
         AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?)
     RETURNING coalesce(ring_result, '') AS ring`,
  );
  const countAdd = db.prepare(
    `INSERT INTO number_counts (campaign_id, status, ring_result, n) VALUES (?, ?, ?, ?)
     ON CONFLICT (campaign_id, status, ring_result) DO UPDATE SET n = n + excluded.n`,
  );
  const bumpVersion = db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, '1')
     ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
  );

  const draw = (): RingResult => {
    let roll = random();
    for (const [result, odds] of OUTCOMES) {
      roll -= odds;
      if (roll < 0) return result;
    }
    return OUTCOMES[0][0];
  };

  const outcome = (result: RingResult, attempts: number): NumberStatus => {
    if (COMPLETING.has(result)) return 'Completed';
    return attempts >= maxAttempts ? 'Failed' : 'Pending';
  };

  const step = (campaignId: number, budget: number, summary: TickSummary): void => {
    const deltas = new Map<string, number>();
    const move = (status: string, ring: string, n: number) => {
      const key = `${status}\u0000${ring}`;
      deltas.set(key, (deltas.get(key) ?? 0) + n);
    };

    const calls = inProgress.all(campaignId, budget) as { id: number; attempts: number; ring: string }[];
    const retried: number[] = [];
    for (const call of calls) {
      const result = draw();
      const status = outcome(result, call.attempts);
      setResult.run(status, result, call.id);
      move('InProgress', call.ring, -1);
      move(status, result, 1);
      if (status === 'Completed') summary.completed += 1;
      else if (status === 'Failed') summary.failed += 1;
      else {
        summary.retried += 1;
        retried.push(call.id);
      }
    }

    const started = startCalls.all(campaignId, JSON.stringify(retried), budget) as { ring: string }[];
    for (const { ring } of started) {
      move('Pending', ring, -1);
      move('InProgress', ring, 1);
    }
    summary.started += started.length;

    if (calls.length + started.length === 0) return;
    for (const [key, n] of deltas) {
      if (n === 0) continue;
      const [status, ring] = key.split('\u0000');
      countAdd.run(campaignId, status, ring, n);
    }
    bumpVersion.run(statusVersionKey(campaignId));
  };

  const tickTransaction = db.transaction((): TickSummary => {
    const summary: TickSummary = { campaigns: 0, started: 0, completed: 0, failed: 0, retried: 0 };
    const ids = dialing.all() as number[];
    const active = new Set(ids);
    for (const id of carry.keys()) if (!active.has(id)) carry.delete(id);
    for (const id of ids) {
      const owed = perTick + (carry.get(id) ?? 0);
      const budget = Math.min(Math.floor(owed), maxPerTick);
      carry.set(id, budget === maxPerTick ? 0 : owed - budget);
      if (budget === 0) continue;
      summary.campaigns += 1;
      step(id, budget, summary);
    }
    return summary;
  });

  // Another writer (the seed CLI filling a campaign) can hold the database for many seconds:
  // better-sqlite3 would wait up to its busy timeout on the event loop. A timer tick does not
  // wait: it asks for the write lock with no timeout and, if it is taken, skips this tick.
  const timedTick = () => {
    const timeout = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      tickTransaction.immediate();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) onError(error);
    } finally {
      db.pragma(`busy_timeout = ${Math.floor(timeout)}`);
    }
  };

  let timer: NodeJS.Timeout | null = null;
  return {
    tick: () => tickTransaction.immediate(),
    start() {
      if (timer) return;
      timer = setInterval(timedTick, intervalMs);
      // The dialer alone never keeps the process alive.
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    get running() {
      return timer !== null;
    },
  };
};
