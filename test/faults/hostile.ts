// A deterministic generator of malformed and hostile requests against the emulator (seeded PRNG:
// the same seed gives the same requests), and the check every answer must pass: never a 5xx, and
// every error carries a JSON { message }. Used by test/server/faults-fast.test.ts (in-process,
// app.inject) and test/faults/hostile.test.ts (10,000 over loopback sockets).
import { JSON_BODY_LIMIT_BYTES, MAX_DELETE_IDS } from '../../src/contract.ts';
import { createRandom, type Random } from '../fixtures/random.ts';

export interface HostileRequest {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface Targets {
  accountId: string;
  token: string;
  otherAccountId: string;
  otherToken: string;
  /** A Dynamic, Active campaign of the account (adds and deletes may land here). */
  campaignId: number;
  /** A Static campaign of the account (changes are a 409). */
  staticCampaignId: number;
  /** A campaign of the other account (must never change). */
  otherCampaignId: number;
  /** The emulator's upload limit in this test (keep it small so oversized uploads are cheap). */
  uploadLimitBytes: number;
}

const INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE numbers; --',
  '1); DELETE FROM numbers; --',
  'number) UNION SELECT hash FROM tokens --',
  '%',
  '_',
  '*',
  '"',
  '\\',
  '\u0000',
  '\u202e\u0000abc',
  'NEAR(a b)',
  'a OR b',
  '^"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
  '${7*7}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '😀'.repeat(30),
  'x'.repeat(101),
  'x'.repeat(5000),
];
const FIELD_NAMES = [
  'number; DROP TABLE numbers',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'id) OR (1=1',
  'n.number',
  'numbers.number',
  'var_values',
  'campaign_id',
  'accountId',
  'q',
  '',
  ' number',
  'NUMBER',
  'status\u0000',
  'dialer.mode',
  'name',
];
const JUNK_JSON = [
  '{',
  '}',
  '[',
  '{"number":',
  '{"number":"1"',
  "{'number':'1'}",
  '{number:1}',
  'null',
  'true',
  '1e999',
  '-0',
  '"string"',
  '[]',
  '[1,2,3]',
  'NaN',
  'undefined',
  '{"a":1}{"b":2}',
  '\u0000',
  '%7B%7D',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];

const deepJson = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

const junkString = (random: Random, max = 300): string => {
  const length = random.int(max);
  let text = '';
  for (let i = 0; i < length; i++) {
    const r = random.next();
    text +=
      r < 0.6
        ? String.fromCharCode(32 + random.int(95))
        : r < 0.8
          ? String.fromCharCode(random.int(32))
          : r < 0.95
            ? String.fromCharCode(0x80 + random.int(0x700))
            : String.fromCodePoint(0x1f600 + random.int(50));
  }
  return text;
};

const jsonValue = (random: Random, depth = 0): unknown => {
  const r = random.int(depth > 2 ? 6 : 9);
  switch (r) {
    case 0:
      return null;
    case 1:
      return random.next() < 0.5;
    case 2:
      return random.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53, 2 ** 64, Number.MAX_SAFE_INTEGER + 2]);
    case 3:
      return random.pick(INJECTIONS);
    case 4:
      return junkString(random, 40);
    case 5:
      return String(random.int(1e6));
    case 6:
      return Array.from({ length: random.int(5) }, () => jsonValue(random, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: random.int(4) }, () => [random.pick(FIELD_NAMES), jsonValue(random, depth + 1)]),
      );
  }
};

const NUMBER_FILTER_KEYS = ['ids', 'number', 'status', 'ringResult'];

const hostileFilter = (random: Random): string => {
  switch (random.int(7)) {
    case 0:
      return random.pick(JUNK_JSON);
    case 1:
      return JSON.stringify({ [random.pick(FIELD_NAMES)]: jsonValue(random) });
    case 2:
      return JSON.stringify({ [random.pick(NUMBER_FILTER_KEYS)]: jsonValue(random) });
    case 3:
      return JSON.stringify({ number: random.pick(INJECTIONS) });
    case 4:
      return deepJson(1 + random.int(5000), '{"ids":', '}').replace(/}+$/, (m) => m);
    case 5:
      return JSON.stringify({
        ids: Array.from({ length: random.pick([0, 1, 10_001, 20_000]) }, (_, i) => i),
      });
    default:
      return junkString(random);
  }
};

const hostileSort = (random: Random): string => {
  switch (random.int(5)) {
    case 0:
      return random.pick(JUNK_JSON);
    case 1:
      return JSON.stringify([random.pick(FIELD_NAMES), random.pick(['ASC', 'DESC', 'asc', 'sideways', ''])]);
    case 2:
      return JSON.stringify(['number', random.pick(INJECTIONS)]);
    case 3:
      return JSON.stringify(jsonValue(random));
    default:
      return junkString(random, 80);
  }
};

const hostileRange = (random: Random): string =>
  random.pick([
    '[0,1e20]',
    '[-1,5]',
    '[5,1]',
    '[0]',
    '[0,1,2]',
    '["0","9"]',
    '[0.5,2]',
    '[0,99999999999999999999]',
    '[9007199254740991,9007199254740991]',
    '[0,999999999]',
    '[999999999,1999999999]',
    '{}',
    '[null,null]',
    '[true,false]',
    'Infinity',
    '[0,"Infinity"]',
    junkString(random, 40),
    random.pick(JUNK_JSON),
  ]);

const enc = (value: string) => encodeURIComponent(value);
/** Hostile but sendable: printable ASCII stays as it is (quotes, brackets, %), the rest is escaped. */
const rawQuery = (value: string) => value.replace(/[^\x21-\x7e]|#/gu, (char) => encodeURIComponent(char));

export const multipartBody = (
  parts: { name: string; filename?: string; type?: string; content: Buffer }[],
  boundary = '----hostile-boundary',
): { body: Buffer; type: string } => {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${
          part.filename !== undefined ? `; filename="${part.filename}"` : ''
        }\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
      ),
      part.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
};

const binary = (random: Random, size: number): Buffer => {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buffer[i] = random.int(256);
  return buffer;
};

/**
 * Generates `count` requests. Each is hostile in one way; some are valid by accident (a list that
 * parses, an add with a valid number), which is fine: the checks are about what the server answers.
 */
export const generateHostileRequests = (count: number, seed: number, t: Targets): HostileRequest[] => {
  const random = createRandom(seed);
  const good = { authorization: `Bearer ${t.token}` };
  const base = `/v1/accounts/${t.accountId}`;
  const numbers = `${base}/campaigns/${t.campaignId}/numbers`;
  const requests: HostileRequest[] = [];
  const json = (
    kind: string,
    method: string,
    url: string,
    body: string | Buffer,
    type = 'application/json',
  ) =>
    requests.push({
      kind,
      method,
      url,
      headers: { ...good, 'content-type': type },
      body: typeof body === 'string' ? Buffer.from(body) : body,
    });

  const generators: (() => void)[] = [
    // Broken or hostile list parameters on both lists.
    () => {
      const list = random.next() < 0.7 ? numbers : `${base}/campaigns`;
      const params = [
        random.next() < 0.7 ? `filter=${enc(hostileFilter(random))}` : '',
        random.next() < 0.5 ? `sort=${enc(hostileSort(random))}` : '',
        random.next() < 0.5 ? `range=${enc(hostileRange(random))}` : '',
      ].filter(Boolean);
      requests.push({
        kind: 'list-params',
        method: 'GET',
        url: `${list}?${params.join('&')}`,
        headers: good,
      });
    },
    // Parameters given twice, raw (unencoded) junk in the query string, form-encoded GET bodies.
    () => {
      const raw = random.pick([
        'filter={}&filter={}',
        'range=[0,9]&range=[0,9]',
        `filter=${rawQuery(junkString(random, 30))}`,
        'filter=%ZZ',
        'sort=%E0%A4%A',
        `range=${'['.repeat(200)}`,
      ]);
      requests.push({ kind: 'query-raw', method: 'GET', url: `${numbers}?${raw}`, headers: good });
    },
    () =>
      json(
        'form-get',
        'GET',
        `${numbers}?range=[0,9]`,
        `range=${enc(hostileRange(random))}&filter=${enc(hostileFilter(random))}`,
        'application/x-www-form-urlencoded',
      ),
    // Adding a number: wrong types, unknown fields, broken JSON, wrong content types.
    () => {
      const body = random.pick([
        () => JSON.stringify({ number: jsonValue(random) }),
        () => JSON.stringify({ number: '+18005551234', varValues: jsonValue(random) }),
        () => JSON.stringify({ number: '+18005551234', [random.pick(FIELD_NAMES)]: 1 }),
        () => JSON.stringify({ number: random.pick(INJECTIONS) }),
        () => JSON.stringify({ number: '+18005551234', varValues: Array.from({ length: 21 }, () => 'x') }),
        () => JSON.stringify({ number: '+18005551234', varValues: ['x'.repeat(256)] }),
        () => JSON.stringify(jsonValue(random)),
        () => random.pick(JUNK_JSON),
        () => deepJson(1 + random.int(20_000)),
        () => junkString(random),
      ])();
      json(
        'add-body',
        'POST',
        random.next() < 0.2 ? `${base}/campaigns/${t.staticCampaignId}/numbers` : numbers,
        body,
      );
    },
    () =>
      json(
        'add-content-type',
        'POST',
        numbers,
        '{"number":"+18005551234"}',
        random.pick([
          'text/plain',
          'application/xml',
          'application/json; charset=latin-9',
          '',
          'multipart/form-data',
          'application/x-www-form-urlencoded',
          '*/*',
        ]),
      ),
    // Deleting: not an array, too many ids, wrong types, other campaigns' ids.
    () => {
      const body = random.pick([
        () => JSON.stringify(jsonValue(random)),
        () => JSON.stringify(Array.from({ length: MAX_DELETE_IDS + 1 + random.int(100) }, (_, i) => i)),
        () => JSON.stringify([-1, 1.5, '1 OR 1=1', null, {}, []].slice(random.int(6))),
        () => JSON.stringify(Array.from({ length: 1 + random.int(50) }, () => 1 + random.int(3000))),
        () => random.pick(JUNK_JSON),
      ])();
      const campaign = random.pick([t.campaignId, t.staticCampaignId, t.otherCampaignId]);
      json('delete', 'DELETE', `${base}/campaigns/${campaign}/numbers`, body);
    },
    // Oversized JSON bodies (above the 1 MB limit) on every JSON route.
    () => {
      if (random.next() < 0.8) {
        json(
          'oversized-add',
          'POST',
          numbers,
          `{"number":"+18005551234","varValues":["${'x'.repeat(JSON_BODY_LIMIT_BYTES)}"]}`,
        );
      } else {
        json('oversized-delete', 'DELETE', numbers, `[${'1,'.repeat(JSON_BODY_LIMIT_BYTES / 2)}1]`);
      }
    },
    // Uploads that are not CSV, or not uploads at all.
    () => {
      const query = random.pick([
        '?firstRowIsHeader=false&varCount=2',
        '?varCount=-1',
        '?varCount=999',
        '?varCount=abc',
        '?varCount=1e3',
        '?firstRowIsHeader=maybe',
        '?firstRowIsHeader=true&firstRowIsHeader=false',
        '',
      ]);
      const make = random.pick([
        () =>
          multipartBody([
            {
              name: 'file',
              filename: 'x.csv',
              type: 'text/csv',
              content: binary(random, 10 + random.int(5000)),
            },
          ]),
        () =>
          multipartBody([
            {
              name: 'file',
              filename: 'x.png',
              type: 'image/png',
              content: Buffer.from('\x89PNG\r\n\x1a\n0000'),
            },
          ]),
        () =>
          multipartBody([
            {
              name: 'file',
              filename: 'x.csv',
              type: 'text/csv',
              content: Buffer.from([0xc3, 0x28, 0x41, 0x0a]),
            },
          ]),
        () =>
          multipartBody([
            { name: 'notfile', filename: 'x.csv', type: 'text/csv', content: Buffer.from('5551234\n') },
          ]),
        () => multipartBody([{ name: 'field', content: Buffer.from('value') }]),
        () => multipartBody([]),
        () =>
          multipartBody([
            { name: 'file', filename: 'a.csv', type: 'text/csv', content: Buffer.from('5551234\n') },
            { name: 'file', filename: 'b.csv', type: 'text/csv', content: Buffer.from('5551235\n') },
          ]),
        () =>
          multipartBody([
            {
              name: 'file',
              filename: 'big.csv',
              type: 'text/csv',
              content: Buffer.alloc(t.uploadLimitBytes + 1 + random.int(10_000), '5551234\n'),
            },
          ]),
        () =>
          multipartBody([
            {
              name: 'file',
              filename: 'q.csv',
              type: 'text/csv',
              content: Buffer.from('"unterminated,quote\n5551234,"x\n'),
            },
          ]),
        () =>
          multipartBody([
            {
              name: 'file',
              filename: 'j.csv',
              type: 'text/csv',
              content: Buffer.from(junkString(random, 2000)),
            },
          ]),
        () => ({ body: Buffer.from('5551234\n'), type: 'text/csv' }),
        () => ({ body: Buffer.from('--x\r\nbroken'), type: 'multipart/form-data; boundary=x' }),
        () => ({ body: Buffer.from('anything'), type: 'multipart/form-data' }),
      ]);
      const { body, type } = make();
      const campaign = random.pick([t.campaignId, t.campaignId, t.staticCampaignId, t.otherCampaignId]);
      json('upload', 'POST', `${base}/campaigns/${campaign}/numbers/upload${query}`, body, type);
    },
    // Tokens: none, malformed, unknown, another account's, and another account's path.
    () => {
      const authorization = random.pick([
        undefined,
        '',
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        `Bearer ${junkString(random, 60).replace(/[^\x21-\x7e]/g, 'x')}`,
        `Bearer ${t.otherToken}`,
        `bearer ${t.token} extra`,
        `Bearer ${'a'.repeat(4000)}`,
        `Bearer ${t.token}'--`,
      ]);
      const account = random.pick([t.accountId, t.otherAccountId, '999999', '1001 OR 1=1', '%00', '..']);
      const path = random.pick([
        `/v1/accounts/${enc(account)}/campaigns`,
        `/v1/accounts/${enc(account)}/campaigns/${t.campaignId}/numbers`,
        `/v1/accounts/${enc(account)}/campaigns/${t.otherCampaignId}/numbers`,
      ]);
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      requests.push({ kind: 'auth', method: 'GET', url: path, headers });
    },
    // The right token on other accounts' ids: another account, another account's campaign.
    () => {
      const url = random.pick([
        `/v1/accounts/${t.otherAccountId}/campaigns`,
        `/v1/accounts/${t.otherAccountId}/campaigns/${t.otherCampaignId}/numbers`,
        `${base}/campaigns/${t.otherCampaignId}/numbers`,
        `${base}/campaigns/${t.otherCampaignId}/numbers?filter=${enc(JSON.stringify({ ids: [1, 2, 3] }))}`,
      ]);
      const method = random.pick(['GET', 'POST', 'DELETE']);
      json('other-account', method, url, method === 'DELETE' ? '[1,2,3]' : '{"number":"+18005551234"}');
    },
    // Weird paths.
    () => {
      const path = random.pick([
        `${base}/campaigns/abc/numbers`,
        `${base}/campaigns/-1/numbers`,
        `${base}/campaigns/1.5/numbers`,
        `${base}/campaigns/99999999999999999999/numbers`,
        `${base}/campaigns/${t.campaignId}/numbers/upload/extra`,
        `${base}/campaigns/${t.campaignId}/numbers/%00`,
        `${base}/campaigns/${t.campaignId}/`,
        '/v1//accounts',
        '/v1/accounts',
        '/v1/accounts/',
        '/v1',
        '/v1/../../etc/passwd',
        '/v1/%2e%2e/%2e%2e/etc/passwd',
        '/_emulator/campaigns',
        `/v1/accounts/${'a'.repeat(3000)}/campaigns`,
        `/v1/accounts/${enc('😀\u0000')}/campaigns`,
        '/v1/accounts/1001/campaigns?%',
        '/%',
        '/index.html/..%2f..%2fpackage.json',
        `/${junkString(random, 50).replace(/[^\x21-\x7e]/g, '')}`.replace(/[#?]/g, ''),
      ]);
      requests.push({
        kind: 'path',
        method: random.pick(['GET', 'GET', 'POST', 'DELETE']),
        url: path,
        headers: good,
      });
    },
    // Weird methods on real routes.
    () => {
      const method = random.pick([
        'PUT',
        'PATCH',
        'OPTIONS',
        'HEAD',
        'PROPFIND',
        'SEARCH',
        'PURGE',
        'COPY',
        'LOCK',
        'MKCOL',
      ]);
      const url = random.pick([numbers, `${base}/campaigns`, `${numbers}/upload`, '/v1/accounts']);
      requests.push({
        kind: 'method',
        method,
        url,
        headers: { ...good, 'content-type': 'application/json' },
        body: Buffer.from('{}'),
      });
    },
  ];

  // Cases that once broke the emulator come first, in every run.
  requests.push(
    {
      kind: 'regression',
      method: 'GET',
      url: `${numbers}?filter=${enc('{"number":"\u0000abc"}')}`,
      headers: good,
    },
    {
      kind: 'regression',
      method: 'GET',
      url: `${numbers}?filter=${enc('{"number":"ab\u0000cd"}')}`,
      headers: good,
    },
    { kind: 'regression', method: 'OPTIONS', url: numbers, headers: good },
  );
  json('regression', 'POST', `${numbers}/upload`, 'anything', 'multipart/form-data');
  for (let i = requests.length; i < count; i++) random.pick(generators)();
  return requests.slice(0, count);
};

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** Why an answer to a hostile request is wrong, or null when it is acceptable. */
export const checkAnswer = (request: HostileRequest, answer: Answer): string | null => {
  if (answer.status >= 500) return `HTTP ${answer.status}: ${answer.body.slice(0, 200)}`;
  if (answer.status < 200) return `HTTP ${answer.status}`;
  if (request.method === 'HEAD' || answer.status === 204) return null;
  if (answer.status >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      return `HTTP ${answer.status} without a JSON body: ${answer.body.slice(0, 100)}`;
    }
    const message = (parsed as { message?: unknown } | null)?.message;
    if (typeof message !== 'string' || !message.trim()) return `HTTP ${answer.status} without a message`;
    return null;
  }
  try {
    JSON.parse(answer.body);
  } catch {
    return `HTTP ${answer.status} whose body is not JSON: ${answer.body.slice(0, 100)}`;
  }
  return null;
};
