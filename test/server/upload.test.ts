// CSV uploads: parsing (header, BOM, CRLF, quotes, blank lines), row checks with line numbers,
// what is refused outright, size limits, a 100,000-row file, and atomicity when the client aborts.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { UPLOAD_MAX_REJECTED_LISTED } from '../../src/contract.ts';
import type { CampaignNumber, UploadResult } from '../../src/types.ts';
import {
  auth,
  campaignId,
  countNumbers,
  createCampaign,
  DEMO_TOKEN,
  json,
  multipart,
  numbersUrl,
  startServer,
} from './helpers.ts';

let server: SipCallerServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const upload = async (
  content: string | Buffer,
  {
    query = 'firstRowIsHeader=false&varCount=2',
    campaign,
    ...options
  }: { query?: string; campaign?: number; type?: string; field?: string } = {},
) => {
  const target = campaign ?? (await createCampaign(server));
  const body = multipart(content, options);
  const response = await server.app.inject({
    method: 'POST',
    url: `${numbersUrl(target)}/upload?${query}`,
    headers: { ...auth(), ...body.headers },
    payload: body.payload,
  });
  return { response, campaign: target };
};

const stored = (campaign: number) =>
  server.db
    .prepare('SELECT number, var_values AS varValues FROM numbers WHERE campaign_id = ? ORDER BY id')
    .all(campaign)
    .map((row) => {
      const { number, varValues } = row as { number: string; varValues: string };
      return [number, ...(JSON.parse(varValues) as string[])];
    });

const PAGE_CSV =
  '5550001,John,199\n5550002,Mary,299\n5550003,Susan,149\n5550004,James,300\n5550005,Walter,42\n';

describe('upload', () => {
  it("inserts the vendor page's example file", async () => {
    const { response, campaign } = await upload(PAGE_CSV);
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toEqual({ inserted: 5, rejectedCount: 0, rejected: [] });
    expect(stored(campaign)).toEqual(
      PAGE_CSV.trim()
        .split('\n')
        .map((line) => line.split(',')),
    );
    const list = await server.app.inject({ method: 'GET', url: numbersUrl(campaign), headers: auth() });
    expect(list.headers['content-range']).toBe('numbers 0-4/5');
    expect(json<CampaignNumber[]>(list)[0]).toMatchObject({
      number: '5550001',
      status: 'Pending',
      attempts: 0,
      ringResult: null,
    });
  });

  it('skips a header row when asked, and counts it as line 1', async () => {
    const { response, campaign } = await upload('number,name,amount\n5550001,John,199\nbad,x,1\n', {
      query: 'firstRowIsHeader=true&varCount=2',
    });
    expect(json(response)).toEqual({
      inserted: 1,
      rejectedCount: 1,
      rejected: [{ line: 3, reason: expect.stringContaining('"bad"') }],
    });
    expect(stored(campaign)).toEqual([['5550001', 'John', '199']]);
  });

  it('without firstRowIsHeader a header row is a rejected row', async () => {
    const { response } = await upload('number,name,amount\n5550001,John,199\n');
    expect(json(response)).toMatchObject({ inserted: 1, rejectedCount: 1, rejected: [{ line: 1 }] });
  });

  it('rejects rows with the wrong column count for varCount, with line numbers and reasons', async () => {
    const { response, campaign } = await upload('5550001,John,199\n5550002,Mary\n5550003\n5550004,a,b,c\n', {
      query: 'varCount=2',
    });
    const result = json<UploadResult>(response);
    expect(result.inserted).toBe(1);
    expect(result.rejected.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(result.rejected[0].reason).toContain('Expected 3 columns');
    expect(result.rejected[0].reason).toContain('found 2');
    expect(stored(campaign)).toEqual([['5550001', 'John', '199']]);
  });

  it('with varCount=0 takes one column', async () => {
    const { response } = await upload('5550001\n+18005551234\n5550002,John\n', { query: 'varCount=0' });
    expect(json(response)).toMatchObject({ inserted: 2, rejectedCount: 1, rejected: [{ line: 3 }] });
  });

  it('rejects invalid numbers and over-long values, keeping line numbers across blank lines', async () => {
    const csv = [
      '5550001,A,1',
      '',
      'abc,B,2',
      '+1800,C,3',
      ',D,4',
      '',
      '',
      '555-0001,E,5',
      `5550009,${'x'.repeat(256)},6`,
      '+18005551234,F,7',
      '12345678901234567,G,8',
    ].join('\n');
    const { response, campaign } = await upload(csv);
    const result = json<UploadResult>(response);
    expect(result.inserted).toBe(2);
    expect(result.rejected.map((row) => row.line)).toEqual([3, 4, 5, 8, 9, 11]);
    expect(result.rejected[2].reason).toBe('The number is empty.');
    expect(result.rejected[4].reason).toContain('255');
    expect(stored(campaign).map((row) => row[0])).toEqual(['5550001', '+18005551234']);
  });

  it('handles CRLF, a UTF-8 BOM, quoted fields with commas, quotes and line breaks', async () => {
    const csv =
      '\uFEFF5550001,"Doe, John","1,299"\r\n5550002,"Say ""hi""",2\r\n\r\n5550003,"two\r\nlines",3\r\n5550004,Ñandú,4\r\n';
    const { response, campaign } = await upload(csv);
    expect(json(response)).toEqual({ inserted: 4, rejectedCount: 0, rejected: [] });
    expect(stored(campaign)).toEqual([
      ['5550001', 'Doe, John', '1,299'],
      ['5550002', 'Say "hi"', '2'],
      ['5550003', 'two\r\nlines', '3'],
      ['5550004', 'Ñandú', '4'],
    ]);
  });

  it('reports the line a row starts on when a quoted field spans lines', async () => {
    const { response } = await upload('5550001,"a\nb",1\nbad,x,1\n');
    expect(json(response)).toMatchObject({ inserted: 1, rejected: [{ line: 3 }] });
  });

  it('accepts a file without a trailing newline and a lone CR line ending', async () => {
    const { response } = await upload('5550001,A,1\r5550002,B,2');
    expect(json(response)).toMatchObject({ inserted: 2, rejectedCount: 0 });
  });

  it('answers an empty file with 200 and nothing inserted', async () => {
    const { response, campaign } = await upload('');
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ inserted: 0, rejectedCount: 0, rejected: [] });
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it('refuses a binary file with 400 and inserts nothing', async () => {
    const binary = Buffer.concat([
      Buffer.from(PAGE_CSV),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]),
    ]);
    const { response, campaign } = await upload(binary);
    expect(response.statusCode).toBe(400);
    expect(json<{ message: string }>(response).message).toContain('not a CSV text file');
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it('refuses text that is not UTF-8 (e.g. Latin-1) with 400 and inserts nothing', async () => {
    const { response, campaign } = await upload(Buffer.from('5550001,Mu\xf1oz,1\n', 'latin1'));
    expect(response.statusCode).toBe(400);
    expect(json<{ message: string }>(response).message).toContain('UTF-8');
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it('refuses a file declared as an image', async () => {
    const { response, campaign } = await upload(PAGE_CSV, { type: 'image/png' });
    expect(response.statusCode).toBe(400);
    expect(json<{ message: string }>(response).message).toContain('image/png');
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it('accepts the types browsers and curl give CSV files', async () => {
    for (const type of ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream', 'text/plain']) {
      const { response } = await upload(PAGE_CSV, { type });
      expect(response.statusCode, type).toBe(200);
    }
  });

  it('refuses a CSV syntax error with its line, inserting nothing', async () => {
    const { response, campaign } = await upload('5550001,A,1\n5550002,"B"x,2\n5550003,C,3\n');
    expect(response.statusCode).toBe(400);
    expect(json<{ message: string }>(response).message).toMatch(/not valid CSV at line 2/);
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it.each([
    ['varCount=-1', 'varCount'],
    ['varCount=21', 'varCount'],
    ['varCount=two', 'varCount'],
    ['varCount=1.5', 'varCount'],
    ['firstRowIsHeader=maybe', 'firstRowIsHeader'],
  ])('refuses %s with 400, inserting nothing', async (query, message) => {
    const { response, campaign } = await upload(PAGE_CSV, { query });
    expect(response.statusCode).toBe(400);
    expect(json<{ message: string }>(response).message).toContain(message);
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it('refuses a file in another field, no file, or a body that is not multipart', async () => {
    expect((await upload(PAGE_CSV, { field: 'csv' })).response.statusCode).toBe(400);
    const campaign = await createCampaign(server);
    const notMultipart = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(campaign)}/upload?varCount=2`,
      headers: { ...auth(), 'content-type': 'text/csv' },
      payload: PAGE_CSV,
    });
    expect(notMultipart.statusCode).toBe(415);
    expect(json<{ message: string }>(notMultipart).message).toContain('multipart/form-data');
    const empty = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(campaign)}/upload?varCount=2`,
      headers: { ...auth(), 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(empty.statusCode).toBe(400);
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it.each([
    ['no boundary', 'multipart/form-data', 'anything'],
    [
      'a broken part header',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition\r\n\r\n5550001\r\n--x--\r\n',
    ],
    [
      'a body cut short',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n5550001,a,b\n',
    ],
  ])('answers a malformed multipart body (%s) with 400, inserting nothing', async (_name, type, payload) => {
    const campaign = await createCampaign(server);
    const response = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(campaign)}/upload?varCount=2`,
      headers: { ...auth(), 'content-type': type },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(typeof json<{ message: string }>(response).message).toBe('string');
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it('answers 409 for a campaign that is not Dynamic and Active', async () => {
    const survey = campaignId(server, 'Quarterly Survey');
    const { response } = await upload(PAGE_CSV, { campaign: survey });
    expect(response.statusCode).toBe(409);
    expect(countNumbers(server, survey)).toBe(50);
  });

  it('also takes the options from form fields sent before the file', async () => {
    const campaign = await createCampaign(server);
    const boundary = 'fields-boundary';
    const payload = [
      `--${boundary}\r\nContent-Disposition: form-data; name="firstRowIsHeader"\r\n\r\ntrue\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="varCount"\r\n\r\n2\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      `number,name,amount\n${PAGE_CSV}\r\n--${boundary}--\r\n`,
    ].join('');
    const response = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(campaign)}/upload`,
      headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(json(response)).toEqual({ inserted: 5, rejectedCount: 0, rejected: [] });
  });

  it('tolerates the line breaks of the vendor page around the query string', async () => {
    const campaign = await createCampaign(server);
    const body = multipart(PAGE_CSV);
    const response = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(campaign)}/upload%0A?firstRowIsHeader=false%0A&varCount=2`,
      headers: { ...auth(), ...body.headers },
      payload: body.payload,
    });
    expect(json(response)).toEqual({ inserted: 5, rejectedCount: 0, rejected: [] });
  });

  it('lists at most UPLOAD_MAX_REJECTED_LISTED rejections but counts them all', async () => {
    const lines = Array.from({ length: UPLOAD_MAX_REJECTED_LISTED + 5 }, (_, i) => `bad${i},x,y`);
    const { response } = await upload(`${lines.join('\n')}\n5550001,a,b\n`);
    const result = json<UploadResult>(response);
    expect(result.inserted).toBe(1);
    expect(result.rejectedCount).toBe(UPLOAD_MAX_REJECTED_LISTED + 5);
    expect(result.rejected).toHaveLength(UPLOAD_MAX_REJECTED_LISTED);
    expect(result.rejected.at(-1)?.line).toBe(UPLOAD_MAX_REJECTED_LISTED);
  });

  it('inserts a 100,000-row file, searchable and counted', async () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `+1${String(7000000000 + i)},Name ${i},${i % 1000}`,
    );
    const { response, campaign } = await upload(`number,name,amount\n${rows.join('\n')}\n`, {
      query: 'firstRowIsHeader=true&varCount=2',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toEqual({ inserted: 100_000, rejectedCount: 0, rejected: [] });
    expect(countNumbers(server, campaign)).toBe(100_000);
    const search = await server.app.inject({
      method: 'GET',
      url: `${numbersUrl(campaign)}?filter=${encodeURIComponent('{"number":"7000099999"}')}`,
      headers: auth(),
    });
    expect(search.headers['content-range']).toBe('numbers 0-0/1');
    expect(json<CampaignNumber[]>(search)[0].varValues).toEqual(['Name 99999', '999']);
    const last = await server.app.inject({
      method: 'GET',
      url: `${numbersUrl(campaign)}?range=[99990,99999]`,
      headers: auth(),
    });
    expect(last.headers['content-range']).toBe('numbers 99990-99999/100000');
  });
});

describe('upload limits and interruptions', () => {
  let small: SipCallerServer;
  let url: string;
  beforeAll(async () => {
    small = await startServer({ uploadLimitBytes: 64 * 1024, seed: false });
    url = await small.listen(0);
  });
  afterAll(() => small.close());

  const smallCampaign = async () => {
    const response = await small.app.inject({
      method: 'POST',
      url: '/_emulator/campaigns',
      payload: { accountId: '1001', name: 'Limits', type: 'Dynamic', status: 'Active' },
    });
    return (response.json() as { id: number }).id;
  };

  it('refuses a file over the upload limit with 413, inserting nothing', async () => {
    const campaign = await smallCampaign();
    const rows = Array.from({ length: 5000 }, (_, i) => `+1${7000000000 + i},Name,${i}`).join('\n');
    expect(rows.length).toBeGreaterThan(64 * 1024);
    const form = new FormData();
    form.append('file', new Blob([rows], { type: 'text/csv' }), 'big.csv');
    const response = await fetch(`${url}${numbersUrl(campaign)}/upload?varCount=2`, {
      method: 'POST',
      headers: auth(),
      body: form,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain('upload limit');
    expect(countNumbers(small, campaign)).toBe(0);
  });

  it('inserts nothing when the connection drops midway through the file', async () => {
    const url = await server.listen(0);
    const campaign = await createCampaign(server);
    const staged = () =>
      server.db.prepare('SELECT count(*) FROM temp.upload_staging').pluck().get() as number;
    const rows = Array.from({ length: 20_000 }, (_, i) => `+1${7000000000 + i},N,${i}`).join('\n');
    const body = multipart(rows);
    const half = body.payload.subarray(0, Math.floor(body.payload.length / 2));
    const { port } = new URL(url);
    let stagedBeforeDrop = 0;
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `${numbersUrl(campaign)}/upload?varCount=2`,
        headers: {
          authorization: `Bearer ${DEMO_TOKEN}`,
          ...body.headers,
          'content-length': body.payload.length,
        },
      });
      request.on('error', () => resolve());
      request.on('close', () => resolve());
      request.write(half);
      // Drop the connection once the server has staged part of the file (not on a timer).
      const poll = setInterval(() => {
        stagedBeforeDrop = staged();
        if (stagedBeforeDrop > 0) {
          clearInterval(poll);
          request.destroy();
        }
      }, 5);
    });
    expect(stagedBeforeDrop).toBeGreaterThan(0);
    // The server notices the drop asynchronously: wait until it has discarded its staged rows.
    await expect.poll(staged, { timeout: 10_000 }).toBe(0);
    expect(countNumbers(server, campaign)).toBe(0);
    // The server still works afterwards, and the complete file goes through.
    const response = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(campaign)}/upload?varCount=2`,
      headers: { ...auth(), ...body.headers },
      payload: body.payload,
    });
    expect(json(response)).toMatchObject({ inserted: 20_000 });
  });
});
