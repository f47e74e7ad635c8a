// The read-only contract probe (server/probe, `npm run probe`): against the emulator in both id
// styles nothing is contradicted; against a deliberately different fake API every difference is
// reported; it only ever reads; the token never reaches its output.
import { execFile } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { main } from '../../server/probe/cli.ts';
import { type ProbeReport, runProbe } from '../../server/probe/probe.ts';
import { DEMO, DEMO_TOKEN, startServer } from './helpers.ts';

const ORIGIN = 'http://localhost:5173';

/** Runs the command line in-process; answers its exit status and output. */
const probe = async (
  argv: string[],
  env: NodeJS.ProcessEnv = { SIPCALLER_TOKEN: DEMO_TOKEN },
  fetchImpl?: typeof fetch,
) => {
  let output = '';
  const code = await main(
    argv,
    env,
    (text) => {
      output += text;
    },
    fetchImpl,
  );
  return { code, output };
};

/** A fetch that records every method it was asked to send. */
const recordingFetch = () => {
  const methods: string[] = [];
  const wrapped: typeof fetch = (input, init) => {
    methods.push(init?.method ?? 'GET');
    return fetch(input, init);
  };
  return { methods, fetch: wrapped };
};

const verdicts = (report: ProbeReport) =>
  Object.fromEntries(report.findings.map((finding) => [finding.key, finding.verdict]));

describe.each(['integer', 'opaque'] as const)('against the emulator with %s ids', (idStyle) => {
  let server: SipCallerServer;
  let apiUrl: string;
  let bigCampaign: string | number;

  beforeAll(async () => {
    server = await startServer({ idStyle });
    apiUrl = `${await server.listen(0)}/v1`;
    const response = await server.app.inject({
      method: 'POST',
      url: '/_emulator/campaigns',
      payload: {
        accountId: DEMO,
        name: 'Probe big',
        type: 'Dynamic',
        status: 'Active',
        numbers: 1200,
        varCount: 1,
      },
    });
    bigCampaign = (response.json() as { id: string | number }).id;
  });
  afterAll(() => server.close());

  it('confirms every assumption, reading only (GET and one OPTIONS)', async () => {
    const { methods, fetch: recording } = recordingFetch();
    const report = await runProbe({
      apiUrl,
      accountId: DEMO,
      token: DEMO_TOKEN,
      origin: ORIGIN,
      campaignId: String(bigCampaign),
      fetch: recording,
    });
    const contradicted = report.findings.filter((finding) => finding.verdict !== 'confirmed');
    expect(contradicted, JSON.stringify(contradicted, null, 2)).toEqual([]);
    expect(Object.keys(verdicts(report))).toEqual(
      expect.arrayContaining([
        'content-range',
        'cors-expose',
        'cors-preflight',
        'campaign-ids',
        'number-ids',
        'campaign-fields',
        'number-fields',
        'number-status',
        'ring-result',
        'row-limit',
        'ids-filter',
        'sort',
        'error-401',
        'error-404',
      ]),
    );
    expect(new Set(methods)).toEqual(new Set(['GET', 'OPTIONS']));
    expect(methods.filter((method) => method === 'OPTIONS')).toHaveLength(1);
    expect(methods.length).toBeLessThanOrEqual(9);
    const ids = report.findings.find((finding) => finding.key === 'campaign-ids')?.detail;
    expect(ids).toMatch(idStyle === 'opaque' ? /^string/ : /^integer/);
  });

  it('prints the verdicts and exits 0; without --origin the CORS checks cannot tell', async () => {
    const { code, output } = await probe(['--api-url', apiUrl, '--account', DEMO, '--origin', ORIGIN]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/confirmed\s+content-range/);
    expect(output).toMatch(/, 0 contradicted,/);
    expect(output).not.toContain(DEMO_TOKEN);
    const noOrigin = await probe(['--api-url', apiUrl, '--account', DEMO, '--json']);
    expect(noOrigin.code).toBe(0);
    const report = JSON.parse(noOrigin.output) as ProbeReport;
    expect(verdicts(report)).toMatchObject({
      'cors-expose': 'could not tell',
      'cors-preflight': 'could not tell',
    });
    // The first campaign holds 1,000 numbers: no more than the limit, so the limit cannot be seen.
    expect(verdicts(report)['row-limit']).toBe('could not tell');
  });

  it('a token the API refuses is a contradiction of the list call, exit 1, the token not shown', async () => {
    const { code, output } = await probe(['--api-url', apiUrl, '--account', DEMO], {
      SIPCALLER_TOKEN: 'wrong-secret-token-123',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/CONTRADICTED\s+list-call/);
    expect(output).toContain('401');
    expect(output).not.toContain('wrong-secret-token-123');
  });
});

/**
 * A fake API that differs from every assumption it can: an envelope, no Content-Range, string ids,
 * other field names and values, no CORS exposure, filters and sorts ignored, errors as plain text,
 * and it echoes the Authorization header wherever it can.
 */
const startDifferentFake = async () => {
  const methods: string[] = [];
  const campaigns = Array.from({ length: 3 }, (_, i) => ({
    id: `c-${i + 1}`,
    title: `Campaign ${i + 1}`,
    name: ['b', 'c', 'a'][i],
    type: 'Dynamic',
    status: i === 0 ? 'Running' : 'Active',
    dialer: { mode: 'Power' },
    phoneSystemId: { id: 1 },
    extensionId: null,
    tagIds: [],
    startDate: 1767225600000,
  }));
  const numbers = Array.from({ length: 1001 }, (_, i) => ({
    id: `n-${i + 1}`,
    phone: `+1800555${String(i).padStart(4, '0')}`,
    status: 'Dialing',
    ringResult: 'Voicemail',
    createdAt: 1767225600000 + i,
  }));
  const server: Server = createHttpServer((request: IncomingMessage, response) => {
    methods.push(request.method ?? '');
    const url = new URL(request.url ?? '/', 'http://fake');
    const echo = request.headers.authorization ?? '';
    response.setHeader('X-Echo', echo);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Origin': ORIGIN,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Authorization',
      });
      return response.end();
    }
    if (!echo) {
      response.writeHead(401, { 'Content-Type': 'text/plain' });
      return response.end('Unauthorized');
    }
    const send = (body: unknown) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      response.end(JSON.stringify(body));
    };
    if (/\/campaigns$/.test(url.pathname)) return send({ data: campaigns, debug: `seen ${echo}` });
    if (/\/campaigns\/c-1\/numbers$/.test(url.pathname)) return send({ data: numbers });
    return send({ data: [], note: `nothing here for ${echo}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    methods,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

describe('against a deliberately different API', () => {
  let fake: Awaited<ReturnType<typeof startDifferentFake>>;
  const TOKEN = 'super-secret-token-value-42';
  beforeAll(async () => {
    fake = await startDifferentFake();
  });
  afterAll(() => fake.close());

  it('reports each difference as contradicted, with what came back, and exits 1', async () => {
    const report = await runProbe({ apiUrl: fake.url, accountId: DEMO, token: TOKEN, origin: ORIGIN });
    const found = verdicts(report);
    expect(found).toMatchObject({
      'list-call': 'confirmed',
      'list-array': 'contradicted',
      'content-range': 'contradicted',
      'cors-expose': 'contradicted',
      'campaign-fields': 'contradicted',
      'campaign-ids': 'confirmed',
      'reference-ids': 'contradicted',
      'campaign-status': 'contradicted',
      'ids-filter': 'contradicted',
      sort: 'contradicted',
      'numbers-content-range': 'contradicted',
      'number-fields': 'contradicted',
      'number-ids': 'confirmed',
      'number-status': 'contradicted',
      'ring-result': 'contradicted',
      'row-limit': 'could not tell',
      'error-401': 'contradicted',
      'error-404': 'contradicted',
      'cors-preflight': 'contradicted',
    });
    const detail = (key: string) => report.findings.find((finding) => finding.key === key)?.detail ?? '';
    expect(detail('list-array')).toContain('"data"');
    expect(detail('content-range')).toMatch(/no Content-Range/);
    expect(detail('cors-expose')).toMatch(/Expose-Headers: \(none\)/);
    expect(detail('campaign-ids')).toMatch(/^string/);
    expect(detail('campaign-status')).toContain('Running');
    expect(detail('campaign-fields')).toMatch(/"startDate" is 1767225600000/);
    expect(detail('number-fields')).toMatch(/"number" missing/);
    expect(detail('ring-result')).toContain('Voicemail');
    expect(detail('error-401')).toContain('Unauthorized');
    expect(detail('cors-preflight')).toMatch(/method DELETE not allowed; header content-type not allowed/);
    expect(new Set(fake.methods)).toEqual(new Set(['GET', 'OPTIONS']));

    const { code, output } = await probe(['--api-url', fake.url, '--account', DEMO, '--origin', ORIGIN], {
      SIPCALLER_TOKEN: TOKEN,
    });
    expect(code).toBe(1);
    expect(output).toMatch(/CONTRADICTED\s+content-range/);
    expect(output).toMatch(/came back: no Content-Range header/);
  });

  it('never prints the token, not even where the server echoes it', async () => {
    for (const extra of [[], ['--json']]) {
      const { output } = await probe(
        ['--api-url', fake.url, '--account', DEMO, '--origin', ORIGIN, ...extra],
        {
          SIPCALLER_TOKEN: TOKEN,
        },
      );
      expect(output.length).toBeGreaterThan(500);
      expect(output).not.toContain(TOKEN);
      expect(output).not.toContain(encodeURIComponent(TOKEN));
      expect(output).toContain('‹token›');
    }
  });
});

describe('usage', () => {
  it.each([
    [[], /--api-url is required/],
    [['--api-url', 'http://x/v1'], /--account is required/],
    [['--api-url', 'ftp://x', '--account', '1'], /http\(s\) URL/],
    [['--api-url', 'http://x/v1', '--account', '1', '--bogus'], /Unknown argument/],
    [
      ['--api-url', 'http://x/v1', '--account', '1', '--origin', 'http://x/path'],
      /--origin must be an origin/,
    ],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, output } = await probe(argv as string[]);
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(output).toContain('Usage: SIPCALLER_TOKEN=');
  });

  it('refuses a token given as a flag, without printing it; needs SIPCALLER_TOKEN', async () => {
    const flag = await probe(['--api-url', 'http://x/v1', '--account', '1', '--token', 'flag-secret-987']);
    expect(flag.code).toBe(2);
    expect(flag.output).toContain('SIPCALLER_TOKEN only');
    expect(flag.output).not.toContain('flag-secret-987');
    const inline = await probe(['--api-url', 'http://x/v1', '--account', '1', '--token=flag-secret-987']);
    expect(inline.output).not.toContain('flag-secret-987');
    const none = await probe(['--api-url', 'http://x/v1', '--account', '1'], {});
    expect(none.code).toBe(2);
    expect(none.output).toMatch(/Set SIPCALLER_TOKEN/);
  });

  it('npm run probe is wired to the command line (exit 2 without arguments)', async () => {
    const run = promisify(execFile);
    const error = await run(process.execPath, ['--import', 'tsx', 'server/probe/main.ts'], {
      env: { ...process.env, SIPCALLER_TOKEN: '' },
    }).catch((failure: { code: number; stdout: string }) => failure);
    expect((error as { code: number }).code).toBe(2);
    expect((error as { stdout: string }).stdout).toContain('Usage:');
  });
});
