// The fast variant of the bad-input fault test (the full 10,000 over sockets is in
// test/faults/hostile.test.ts, `npm run test:faults`): 1,000 generated malformed or hostile
// requests in-process. Never a 5xx, every error a JSON message, the other account untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SipCallerServer } from '../../server/app.ts';
import { type Answer, checkAnswer, generateHostileRequests, type Targets } from '../faults/hostile.ts';
import { countersMismatch, numbersFingerprint, seededTargets } from '../faults/targets.ts';

const UPLOAD_LIMIT = 64 * 1024;

describe('hostile requests, in-process', () => {
  let server: SipCallerServer;
  let targets: Targets;

  beforeAll(async () => {
    server = await createServer({
      db: ':memory:',
      demoToken: 'faults-demo-token',
      otherToken: 'faults-other-token',
      uploadLimitBytes: UPLOAD_LIMIT,
    });
    targets = seededTargets(server.db, server.demo, UPLOAD_LIMIT);
  });
  afterAll(() => server.close());

  it('answers 1,000 of them without a 5xx, each error with a JSON message, touching no other account', async () => {
    const otherBefore = numbersFingerprint(server.db, targets.otherCampaignId);
    const staticBefore = numbersFingerprint(server.db, targets.staticCampaignId);
    const requests = generateHostileRequests(1000, 20261127, targets);
    const kinds = new Set(requests.map((request) => request.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(12);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const request of requests) {
      const response = await server.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        payload: request.body,
      });
      const answer: Answer = { status: response.statusCode, headers: response.headers, body: response.body };
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const problem = checkAnswer(request, answer);
      if (problem)
        failures.push(`${request.kind} ${request.method} ${request.url.slice(0, 120)}: ${problem}`);
    }

    expect(failures.slice(0, 20)).toEqual([]);
    // Hostile input is refused: most answers are 4xx, and the refusals cover the statuses the API promises.
    for (const status of [400, 401, 403, 404, 409, 413]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    expect(numbersFingerprint(server.db, targets.otherCampaignId)).toBe(otherBefore);
    expect(numbersFingerprint(server.db, targets.staticCampaignId)).toBe(staticBefore);
    expect(countersMismatch(server.db)).toEqual([]);
    expect(server.db.pragma('integrity_check', { simple: true })).toBe('ok');

    const alive = await server.app.inject({
      method: 'GET',
      url: `/v1/accounts/${targets.accountId}/campaigns`,
      headers: { authorization: `Bearer ${targets.token}` },
    });
    expect(alive.statusCode).toBe(200);
  });
});
