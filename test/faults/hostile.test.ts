// Bad input, full size: 10,000 generated malformed or hostile requests over real loopback sockets
// (8 at a time, a new connection each) against the emulator on a file database. Zero 5xx, every error a JSON message, no
// socket error, the server up at the end, the other account and the Static campaign untouched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SipCallerServer } from '../../server/app.ts';
import { checkAnswer, generateHostileRequests, type Targets } from './hostile.ts';
import { keepAlive, pool, send } from './http.ts';
import { countersMismatch, numbersFingerprint, seededTargets } from './targets.ts';

const COUNT = 10_000;

/** Distinct problems with their counts (the first 40), so one failing run shows every kind of bug. */
const summarise = (failures: string[]): string => {
  const counts = new Map<string, number>();
  for (const failure of failures) {
    const key = failure.replace(/\?[^ :]*/, '?…').slice(0, 240);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .slice(0, 40)
    .map(([key, n]) => `${n} × ${key}`)
    .join('\n');
};
const UPLOAD_LIMIT = 64 * 1024;

describe('hostile requests over loopback', () => {
  let dir: string;
  let server: SipCallerServer;
  let url: string;
  let targets: Targets;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipcaller-hostile-'));
    server = await createServer({
      db: join(dir, 'hostile.db'),
      demoToken: 'faults-demo-token',
      otherToken: 'faults-other-token',
      uploadLimitBytes: UPLOAD_LIMIT,
    });
    url = await server.listen(0, '127.0.0.1');
    targets = seededTargets(server.db, server.demo, UPLOAD_LIMIT);
  });
  afterAll(async () => {
    keepAlive.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`answers ${COUNT.toLocaleString('en-US')} of them: no 5xx, every error a JSON message, nothing else touched`, async () => {
    const otherBefore = numbersFingerprint(server.db, targets.otherCampaignId);
    const staticBefore = numbersFingerprint(server.db, targets.staticCampaignId);
    const requests = generateHostileRequests(COUNT, 6_000_006, targets);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await pool(requests, 8, async (request) => {
      try {
        // A connection per request: a socket the server closes after answering (as it does after a
        // 413 or 431) is never reused, so every socket error here is the server's.
        const answer = await send(url, request, { agent: false });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = checkAnswer(request, answer);
        if (problem)
          failures.push(`${request.kind} ${request.method} ${request.url.slice(0, 120)}: ${problem}`);
      } catch (error) {
        failures.push(
          `${request.kind} ${request.method} ${request.url.slice(0, 120)}: ${(error as Error).message}`,
        );
      }
    });

    expect(failures.length, summarise(failures)).toBe(0);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(COUNT);
    for (const status of [400, 401, 403, 404, 409, 413]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    expect(numbersFingerprint(server.db, targets.otherCampaignId)).toBe(otherBefore);
    expect(numbersFingerprint(server.db, targets.staticCampaignId)).toBe(staticBefore);
    expect(countersMismatch(server.db)).toEqual([]);
    expect(server.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const alive = await send(url, {
      method: 'GET',
      url: `/v1/accounts/${targets.accountId}/campaigns`,
      headers: { authorization: `Bearer ${targets.token}` },
    });
    expect(alive.status).toBe(200);
  });
});
