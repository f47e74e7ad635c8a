// The read-only contract probe: a handful of GET requests (and one CORS preflight) against a live
// SIP Caller account, and for each assumption of src/contract.ts whether the answers confirm it,
// contradict it (with what came back), or cannot tell. It never writes: no POST, no DELETE, no upload.
// The token travels only in the Authorization header and is never part of the report.
import {
  apiPaths,
  CAMPAIGN_FILTER_FIELDS,
  CONTENT_RANGE_HEADER,
  MAX_RANGE_ROWS,
  NUMBER_PATTERN,
} from '../../src/contract.ts';
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  DIALER_MODES,
  NUMBER_STATUSES,
  RING_RESULTS,
} from '../../src/types.ts';

export type Verdict = 'confirmed' | 'contradicted' | 'could not tell';

export interface Finding {
  /** Short key of the assumption, e.g. "content-range". */
  key: string;
  /** Where it is written down: a name in src/contract.ts or src/types.ts. */
  source: string;
  /** The assumption, in a sentence. */
  assumption: string;
  verdict: Verdict;
  /** What came back (for a contradiction), or why it could not tell, or what confirmed it. */
  detail: string;
}

export interface ProbeRequest {
  method: 'GET' | 'OPTIONS';
  /** The path and query, relative to the API URL (never holds the token). */
  path: string;
  status: number | null;
}

export interface ProbeReport {
  apiUrl: string;
  accountId: string;
  origin: string | null;
  campaignId: string | number | null;
  requests: ProbeRequest[];
  findings: Finding[];
}

export interface ProbeOptions {
  /** The API base URL, ending in /v1. */
  apiUrl: string;
  accountId: string;
  token: string;
  /** The console's origin, for the CORS checks; without it they cannot tell. */
  origin?: string | null;
  /** The campaign whose numbers are read; default: the first campaign listed. */
  campaignId?: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
  /** Why there is no answer (network, timeout), else null. */
  failure: string | null;
}

const SAMPLE_ROWS = 5;
const SHOWN = 120;

/** A value as the report shows it: JSON, cut short. */
export const shown = (value: unknown): string => {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
};

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const CONTENT_RANGE = /^\s*([A-Za-z][\w.-]*)\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)\s*$/;

export const parseContentRange = (
  header: string | null,
): { unit: string; start: number | null; end: number | null; total: number | null } | null => {
  const match = header ? CONTENT_RANGE.exec(header) : null;
  if (!match) return null;
  const [, unit, start, end, total] = match;
  return {
    unit,
    start: start === undefined ? null : Number(start),
    end: end === undefined ? null : Number(end),
    total: total === '*' ? null : Number(total),
  };
};

const listHeaders = (header: string | null): string[] =>
  (header ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

const idShape = (value: unknown): string => {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'integer' : 'non-integer number';
  if (typeof value === 'string') {
    if (/^[0-9a-f]{24}$/i.test(value)) return 'string (24 hex digits)';
    if (/^\d+$/.test(value)) return 'string (digits)';
    return 'string';
  }
  return typeName(value);
};

const isId = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '');

/** An id of the same shape as `seen` that no record is likely to have. */
export const unknownIdLike = (seen: unknown): string | number => {
  if (typeof seen === 'number') return 987654321012;
  if (typeof seen === 'string' && /^[0-9a-f]{24}$/i.test(seen)) return '000000000000000000000000';
  return 'sipcaller-probe-no-such-campaign';
};

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

type FieldCheck = (value: unknown) => boolean;
const CAMPAIGN_FIELDS: Record<string, { type: string; check: FieldCheck }> = {
  id: { type: 'id (string or number)', check: isId },
  name: { type: 'string', check: (v) => typeof v === 'string' },
  type: { type: 'string', check: (v) => typeof v === 'string' },
  status: { type: 'string', check: (v) => typeof v === 'string' },
  dialer: { type: 'object {mode}', check: (v) => isObject(v) && typeof v.mode === 'string' },
  phoneSystemId: { type: 'id or null', check: (v) => v === null || isId(v) },
  extensionId: { type: 'id or null', check: (v) => v === null || isId(v) },
  tagIds: { type: 'array of ids', check: (v) => Array.isArray(v) && v.every(isId) },
  startDate: {
    type: 'local date-time string or null',
    check: (v) => v === null || (typeof v === 'string' && LOCAL_DATE_TIME.test(v)),
  },
};
const NUMBER_FIELDS: Record<string, { type: string; check: FieldCheck }> = {
  id: { type: 'id (string or number)', check: isId },
  number: { type: 'string', check: (v) => typeof v === 'string' },
  varValues: {
    type: 'array of strings',
    check: (v) => Array.isArray(v) && v.every((item) => typeof item === 'string'),
  },
  status: { type: 'string', check: (v) => typeof v === 'string' },
  attempts: { type: 'integer', check: (v) => Number.isSafeInteger(v) && (v as number) >= 0 },
  ringResult: { type: 'string or null', check: (v) => v === null || typeof v === 'string' },
  createdAt: {
    type: 'ISO date-time string (UTC)',
    check: (v) => typeof v === 'string' && ISO_DATE_TIME.test(v),
  },
};

/** Which fields of `rows` are missing or of the wrong type, and which extra fields they carry. */
const fieldProblems = (rows: unknown[], fields: typeof CAMPAIGN_FIELDS) => {
  const problems: string[] = [];
  const extra = new Set<string>();
  for (const row of rows) {
    if (!isObject(row)) {
      problems.push(`a row is ${typeName(row)}, not an object: ${shown(row)}`);
      continue;
    }
    for (const [name, { type, check }] of Object.entries(fields)) {
      if (!(name in row)) problems.push(`"${name}" missing (row ${shown(row.id)})`);
      else if (!check(row[name])) problems.push(`"${name}" is ${shown(row[name])}, expected ${type}`);
    }
    for (const name of Object.keys(row)) if (!(name in fields)) extra.add(name);
  }
  return { problems: [...new Set(problems)], extra: [...extra] };
};

const outside = (values: unknown[], allowed: readonly unknown[]): unknown[] => [
  ...new Set(values.filter((value) => value !== undefined && !allowed.includes(value))),
];

export const runProbe = async (options: ProbeOptions): Promise<ProbeReport> => {
  const doFetch = options.fetch ?? fetch;
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const origin = options.origin ?? null;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const requests: ProbeRequest[] = [];
  const findings: Finding[] = [];
  const find = (finding: Finding) => findings.push(finding);

  const request = async (
    method: 'GET' | 'OPTIONS',
    path: string,
    headers: Record<string, string>,
  ): Promise<Answer> => {
    const entry: ProbeRequest = { method, path, status: null };
    requests.push(entry);
    try {
      const response = await doFetch(`${apiUrl}${path}`, {
        method,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      entry.status = response.status;
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, text, json, failure: null };
    } catch (error) {
      const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { status: 0, headers: new Headers(), text: '', json: undefined, failure };
    }
  };
  const withToken = (extra: Record<string, string> = {}) => ({
    Accept: 'application/json',
    Authorization: `Bearer ${options.token}`,
    ...(origin ? { Origin: origin } : {}),
    ...extra,
  });
  const list = (path: string, params: { filter?: unknown; sort?: unknown; range?: unknown }) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) query.set(key, JSON.stringify(value));
    return `${path}?${query}`;
  };
  const describeAnswer = (answer: Answer): string =>
    answer.failure
      ? `no answer (${answer.failure})`
      : `${answer.status} ${shown(answer.text.slice(0, SHOWN * 2)) || '(empty body)'}`;

  const campaignsPath = apiPaths.campaigns(options.accountId);

  // 1. The campaigns list: a small page, from the console's origin when one is given.
  const first = await request(
    'GET',
    list(campaignsPath, { sort: ['id', 'ASC'], range: [0, SAMPLE_ROWS - 1] }),
    withToken(),
  );
  const reachable = !first.failure && first.status === 200;
  find({
    key: 'list-call',
    source: 'apiPaths.campaigns',
    assumption: `GET ${campaignsPath} with filter/sort/range answers 200 with the account's campaigns.`,
    verdict: reachable ? 'confirmed' : 'contradicted',
    detail: reachable ? '200' : describeAnswer(first),
  });
  if (!reachable) {
    return {
      apiUrl,
      accountId: options.accountId,
      origin,
      campaignId: null,
      requests,
      findings,
    };
  }

  const rowsOf = (answer: Answer): unknown[] | null =>
    Array.isArray(answer.json)
      ? answer.json
      : isObject(answer.json) && Array.isArray(answer.json.data)
        ? answer.json.data
        : null;
  const campaigns = rowsOf(first) ?? [];

  find({
    key: 'list-array',
    source: 'lists (CONTRACT.md)',
    assumption: 'A list answers a JSON array of records (not an envelope such as {data: [...]}).',
    verdict: Array.isArray(first.json) ? 'confirmed' : 'contradicted',
    detail: Array.isArray(first.json)
      ? `an array of ${campaigns.length}`
      : isObject(first.json)
        ? `an object with keys ${shown(Object.keys(first.json))} (the console accepts {data: [...]})`
        : `${typeName(first.json)}: ${shown(first.text)}`,
  });

  const rangeHeader = first.headers.get(CONTENT_RANGE_HEADER);
  const range = parseContentRange(rangeHeader);
  find({
    key: 'content-range',
    source: 'CONTENT_RANGE_HEADER, formatContentRange',
    assumption: `A list carries its total in "${CONTENT_RANGE_HEADER}: campaigns 0-4/13" ("numbers */0" when empty).`,
    verdict: range && range.total !== null ? 'confirmed' : 'contradicted',
    detail:
      rangeHeader === null
        ? 'no Content-Range header (the console then pages without a total)'
        : range
          ? `${rangeHeader}${range.total === null ? ' (no total)' : ''}`
          : `unreadable: ${shown(rangeHeader)}`,
  });
  const campaignTotal = range?.total ?? null;

  find({
    key: 'range-inclusive',
    source: 'paginationToRange (range=[start,end], inclusive)',
    assumption: `range=[0,${SAMPLE_ROWS - 1}] answers at most ${SAMPLE_ROWS} rows, both bounds included.`,
    verdict:
      campaigns.length > SAMPLE_ROWS
        ? 'contradicted'
        : campaignTotal !== null && campaignTotal >= SAMPLE_ROWS && campaigns.length < SAMPLE_ROWS
          ? 'contradicted'
          : campaignTotal !== null || campaigns.length === SAMPLE_ROWS
            ? 'confirmed'
            : 'could not tell',
    detail: `${campaigns.length} row(s)${campaignTotal === null ? '' : ` of ${campaignTotal}`}`,
  });

  if (origin) {
    const allowOrigin = first.headers.get('access-control-allow-origin');
    const exposed = listHeaders(first.headers.get('access-control-expose-headers'));
    const exposes = exposed.includes('content-range') || exposed.includes('*');
    const allowed = allowOrigin === origin || allowOrigin === '*';
    find({
      key: 'cors-expose',
      source: 'CONTENT_RANGE_HEADER (CORS)',
      assumption: `A list answered to ${origin} allows that origin and exposes Content-Range (Access-Control-Expose-Headers).`,
      verdict: allowed && exposes ? 'confirmed' : 'contradicted',
      detail: `Access-Control-Allow-Origin: ${allowOrigin ?? '(none)'}; Access-Control-Expose-Headers: ${
        first.headers.get('access-control-expose-headers') ?? '(none)'
      }`,
    });
  } else {
    find({
      key: 'cors-expose',
      source: 'CONTENT_RANGE_HEADER (CORS)',
      assumption: 'A list answered to the console’s origin exposes Content-Range over CORS.',
      verdict: 'could not tell',
      detail: 'no --origin given (pass the address the console is served from)',
    });
  }

  // What the campaigns look like.
  const campaignFields = fieldProblems(campaigns, CAMPAIGN_FIELDS);
  find({
    key: 'campaign-fields',
    source: 'Campaign (src/types.ts)',
    assumption: `A campaign is {${Object.keys(CAMPAIGN_FIELDS).join(', ')}} with those types; more fields may come.`,
    verdict:
      campaigns.length === 0
        ? 'could not tell'
        : campaignFields.problems.length
          ? 'contradicted'
          : 'confirmed',
    detail:
      campaigns.length === 0
        ? 'the account has no campaigns'
        : campaignFields.problems.length
          ? campaignFields.problems.slice(0, 4).join('; ')
          : `${campaigns.length} campaign(s)${campaignFields.extra.length ? `; extra fields (kept, ignored): ${campaignFields.extra.join(', ')}` : ''}`,
  });
  const records = campaigns.filter(isObject);
  const ids = records.map((row) => row.id);
  const idTypes = [...new Set(ids.map(idShape))];
  const badIds = ids.filter((id) => !isId(id));
  find({
    key: 'campaign-ids',
    source: 'Id (src/types.ts)',
    assumption: 'Campaign ids are opaque: numbers or strings, unique (the console keeps them as they come).',
    verdict:
      records.length === 0
        ? 'could not tell'
        : badIds.length || new Set(ids.map(String)).size !== ids.length
          ? 'contradicted'
          : 'confirmed',
    detail:
      records.length === 0
        ? 'no campaign to look at'
        : badIds.length
          ? `ids ${shown(badIds)}`
          : new Set(ids.map(String)).size !== ids.length
            ? `duplicate ids in ${shown(ids)}`
            : `${idTypes.join(', ')}, e.g. ${shown(ids[0])}`,
  });
  const refIds = records.flatMap((row) => [
    row.phoneSystemId,
    row.extensionId,
    ...(Array.isArray(row.tagIds) ? row.tagIds : []),
  ]);
  const refTypes = [...new Set(refIds.filter((value) => value !== null && value !== undefined).map(idShape))];
  find({
    key: 'reference-ids',
    source: 'Campaign.phoneSystemId, extensionId, tagIds',
    assumption: 'Phone system, extension and tag ids are ids too (numbers or strings), or null.',
    verdict:
      refTypes.length === 0
        ? 'could not tell'
        : refTypes.every((type) => type.startsWith('string') || type === 'integer')
          ? 'confirmed'
          : 'contradicted',
    detail: refTypes.length === 0 ? 'no campaign names any' : refTypes.join(', '),
  });
  const enumChecks: [string, string, unknown[], readonly unknown[]][] = [
    ['campaign-status', 'CAMPAIGN_STATUSES', records.map((row) => row.status), CAMPAIGN_STATUSES],
    ['campaign-type', 'CAMPAIGN_TYPES', records.map((row) => row.type), CAMPAIGN_TYPES],
    [
      'dialer-mode',
      'DIALER_MODES',
      records.map((row) => (isObject(row.dialer) ? row.dialer.mode : undefined)),
      DIALER_MODES,
    ],
  ];
  for (const [key, source, values, allowed] of enumChecks) {
    const unknown = outside(values, allowed);
    find({
      key,
      source,
      assumption: `Values are among ${allowed.join(', ')}.`,
      verdict:
        values.filter((value) => value !== undefined).length === 0
          ? 'could not tell'
          : unknown.length
            ? 'contradicted'
            : 'confirmed',
      detail: unknown.length ? `also ${shown(unknown)}` : `seen ${shown([...new Set(values)])}`,
    });
  }

  // 2. A sort.
  const sorted = await request(
    'GET',
    list(campaignsPath, { sort: ['name', 'DESC'], range: [0, SAMPLE_ROWS - 1] }),
    withToken(),
  );
  const sortedRows = rowsOf(sorted);
  const names = (sortedRows ?? []).map((row) => (isObject(row) ? row.name : undefined));
  const descending = (compare: (a: string, b: string) => number) =>
    names.every((name, index) => index === 0 || compare(String(names[index - 1]), String(name)) >= 0);
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byNoCase = (a: string, b: string) => byCodeUnit(a.toLowerCase(), b.toLowerCase());
  find({
    key: 'sort',
    source: 'CAMPAIGN_SORT_FIELDS, toSort',
    assumption: 'sort=["name","DESC"] is accepted and orders the list.',
    verdict:
      sorted.status !== 200 || !sortedRows
        ? 'contradicted'
        : names.length < 2
          ? 'could not tell'
          : descending(byNoCase) || descending(byCodeUnit) || descending((a, b) => a.localeCompare(b))
            ? 'confirmed'
            : 'contradicted',
    detail:
      sorted.status !== 200 || !sortedRows
        ? describeAnswer(sorted)
        : names.length < 2
          ? 'fewer than two campaigns'
          : `names ${shown(names)}`,
  });

  // 3. A filter by ids, with an id exactly as the list answered it.
  const someId = ids.find(isId);
  if (someId !== undefined && CAMPAIGN_FILTER_FIELDS.includes('ids')) {
    const byIds = await request(
      'GET',
      list(campaignsPath, { filter: { ids: [someId] }, range: [0, 0] }),
      withToken(),
    );
    const found = rowsOf(byIds);
    const foundIds = (found ?? []).map((row) => (isObject(row) ? row.id : undefined));
    const ok = byIds.status === 200 && foundIds.length === 1 && foundIds[0] === someId;
    find({
      key: 'ids-filter',
      source: 'CAMPAIGN_FILTER_FIELDS ids, withIdLookups',
      assumption: 'filter={"ids":[id]} with an id as the list answered it finds exactly that record.',
      verdict: ok ? 'confirmed' : 'contradicted',
      detail: ok
        ? `found ${shown(someId)}`
        : byIds.status !== 200 || !found
          ? describeAnswer(byIds)
          : `asked ${shown(someId)}, got ${shown(foundIds)}`,
    });
  } else {
    find({
      key: 'ids-filter',
      source: 'CAMPAIGN_FILTER_FIELDS ids, withIdLookups',
      assumption: 'filter={"ids":[id]} finds exactly that record.',
      verdict: 'could not tell',
      detail: 'no campaign id to ask for',
    });
  }

  // 4. One campaign's numbers, a small page, then a page one row larger than the limit.
  const campaignId = options.campaignId ?? (someId as string | number | undefined) ?? null;
  if (campaignId !== null) {
    const numbersPath = apiPaths.numbers(options.accountId, campaignId);
    const page = await request(
      'GET',
      list(numbersPath, { sort: ['id', 'ASC'], range: [0, SAMPLE_ROWS - 1] }),
      withToken(),
    );
    const numbers = rowsOf(page);
    const numbersRange = parseContentRange(page.headers.get(CONTENT_RANGE_HEADER));
    const numberTotal = numbersRange?.total ?? null;
    if (page.status !== 200 || !numbers) {
      find({
        key: 'numbers-list',
        source: 'apiPaths.numbers',
        assumption: `GET ${numbersPath} answers the campaign's numbers.`,
        verdict: 'contradicted',
        detail: describeAnswer(page),
      });
    } else {
      find({
        key: 'numbers-content-range',
        source: 'CONTENT_RANGE_HEADER',
        assumption: 'The numbers list carries its total in Content-Range too ("numbers 0-4/345").',
        verdict: numbersRange && numberTotal !== null ? 'confirmed' : 'contradicted',
        detail: page.headers.get(CONTENT_RANGE_HEADER) ?? 'no Content-Range header',
      });
      const numberFields = fieldProblems(numbers, NUMBER_FIELDS);
      find({
        key: 'number-fields',
        source: 'CampaignNumber (src/types.ts)',
        assumption: `A number is {${Object.keys(NUMBER_FIELDS).join(', ')}} with those types; more fields may come.`,
        verdict:
          numbers.length === 0
            ? 'could not tell'
            : numberFields.problems.length
              ? 'contradicted'
              : 'confirmed',
        detail:
          numbers.length === 0
            ? `campaign ${shown(campaignId)} has no numbers (pass --campaign with one that has)`
            : numberFields.problems.length
              ? numberFields.problems.slice(0, 4).join('; ')
              : `${numbers.length} number(s)${numberFields.extra.length ? `; extra fields (kept, ignored): ${numberFields.extra.join(', ')}` : ''}`,
      });
      const rows = numbers.filter(isObject);
      const numberIds = rows.map((row) => row.id);
      find({
        key: 'number-ids',
        source: 'Id (src/types.ts)',
        assumption: 'Number record ids are opaque numbers or strings (not the phone numbers), unique.',
        verdict:
          rows.length === 0
            ? 'could not tell'
            : numberIds.every(isId) && new Set(numberIds.map(String)).size === numberIds.length
              ? 'confirmed'
              : 'contradicted',
        detail:
          rows.length === 0
            ? 'no number to look at'
            : `${[...new Set(numberIds.map(idShape))].join(', ')}, e.g. ${shown(numberIds[0])}`,
      });
      const shapes = rows.map((row) => row.number).filter((value) => typeof value === 'string');
      const odd = shapes.filter((value) => !NUMBER_PATTERN.test(value as string));
      find({
        key: 'number-pattern',
        source: 'NUMBER_PATTERN',
        assumption: 'Numbers are stored as sent: "+" and 8–15 digits, or 5–15 digits.',
        verdict: shapes.length === 0 ? 'could not tell' : odd.length ? 'contradicted' : 'confirmed',
        detail: odd.length ? `also ${shown(odd.slice(0, 3))}` : `${shapes.length} seen`,
      });
      for (const [key, source, values, allowed] of [
        ['number-status', 'NUMBER_STATUSES', rows.map((row) => row.status), NUMBER_STATUSES],
        [
          'ring-result',
          'RING_RESULTS, RING_RESULT_NOT_CALLED',
          rows.map((row) => row.ringResult),
          [...RING_RESULTS, null],
        ],
      ] as [string, string, unknown[], readonly unknown[]][]) {
        const unknown = outside(values, allowed);
        find({
          key,
          source,
          assumption: `Values are among ${allowed.map((value) => String(value)).join(', ')}.`,
          verdict: values.length === 0 ? 'could not tell' : unknown.length ? 'contradicted' : 'confirmed',
          detail: unknown.length
            ? `also ${shown(unknown)} (the console shows them as written)`
            : `seen ${shown([...new Set(values)])}${values.length < SAMPLE_ROWS ? '' : ` in ${values.length} numbers`}`,
        });
      }

      // The row limit: one row more than the limit, only where there are more rows than that.
      if (numberTotal !== null && numberTotal > MAX_RANGE_ROWS) {
        const big = await request(
          'GET',
          list(numbersPath, { sort: ['id', 'ASC'], range: [0, MAX_RANGE_ROWS] }),
          withToken(),
        );
        const bigRows = rowsOf(big);
        const bigRange = parseContentRange(big.headers.get(CONTENT_RANGE_HEADER));
        find({
          key: 'row-limit',
          source: 'MAX_RANGE_ROWS',
          assumption: `A list answers at most ${MAX_RANGE_ROWS} rows; a larger range is clamped (and Content-Range says so).`,
          verdict:
            big.status !== 200 || !bigRows
              ? 'contradicted'
              : bigRows.length <= MAX_RANGE_ROWS
                ? 'confirmed'
                : 'contradicted',
          detail:
            big.status !== 200 || !bigRows
              ? `range=[0,${MAX_RANGE_ROWS}]: ${describeAnswer(big)}`
              : `range=[0,${MAX_RANGE_ROWS}] answered ${bigRows.length} rows${bigRange ? ` (${big.headers.get(CONTENT_RANGE_HEADER)})` : ''}${bigRows.length > MAX_RANGE_ROWS ? '; the console still asks at most 1000 a call' : ''}`,
        });
      } else {
        find({
          key: 'row-limit',
          source: 'MAX_RANGE_ROWS',
          assumption: `A list answers at most ${MAX_RANGE_ROWS} rows; a larger range is clamped.`,
          verdict: 'could not tell',
          detail:
            numberTotal === null
              ? 'no total to know whether the campaign has more rows than that'
              : `campaign ${shown(campaignId)} has ${numberTotal} numbers, not more than ${MAX_RANGE_ROWS} (pass --campaign with a larger one)`,
        });
      }
    }
  }

  // 5. Error bodies: a request without a token, and a campaign that does not exist.
  const noToken = await request('GET', list(campaignsPath, { range: [0, 0] }), {
    Accept: 'application/json',
    ...(origin ? { Origin: origin } : {}),
  });
  const messageOf = (answer: Answer) =>
    isObject(answer.json) && typeof answer.json.message === 'string' ? answer.json.message : null;
  find({
    key: 'error-401',
    source: 'errors (CONTRACT.md), http.ts',
    assumption: 'A request without a valid token is a 401 with a JSON body {"message": "..."}.',
    verdict:
      noToken.status === 401 && messageOf(noToken) !== null
        ? 'confirmed'
        : noToken.failure
          ? 'could not tell'
          : 'contradicted',
    detail:
      noToken.status === 401 && messageOf(noToken) !== null
        ? `401 ${shown(messageOf(noToken))}`
        : describeAnswer(noToken),
  });
  const missingId = unknownIdLike(someId);
  const missing = await request(
    'GET',
    list(apiPaths.numbers(options.accountId, missingId), { range: [0, 0] }),
    withToken(),
  );
  find({
    key: 'error-404',
    source: 'errors (CONTRACT.md), http.ts',
    assumption: `Numbers of a campaign that does not exist (${shown(missingId)}) are a 404 with {"message": "..."}.`,
    verdict:
      missing.status === 404 && messageOf(missing) !== null
        ? 'confirmed'
        : missing.failure
          ? 'could not tell'
          : 'contradicted',
    detail:
      missing.status === 404 && messageOf(missing) !== null
        ? `404 ${shown(messageOf(missing))}`
        : describeAnswer(missing),
  });

  // 6. The CORS preflight the console's DELETE needs (the strictest of its calls).
  if (origin) {
    const preflight = await request('OPTIONS', campaignsPath, {
      Origin: origin,
      'Access-Control-Request-Method': 'DELETE',
      'Access-Control-Request-Headers': 'authorization,content-type',
    });
    const allowOrigin = preflight.headers.get('access-control-allow-origin');
    const methods = listHeaders(preflight.headers.get('access-control-allow-methods'));
    const headers = listHeaders(preflight.headers.get('access-control-allow-headers'));
    const missingParts = [
      ...(allowOrigin === origin || allowOrigin === '*'
        ? []
        : [`Access-Control-Allow-Origin: ${allowOrigin ?? '(none)'}`]),
      ...['get', 'post', 'delete']
        .filter((m) => !methods.includes(m) && !methods.includes('*'))
        .map((m) => `method ${m.toUpperCase()} not allowed`),
      ...['authorization', 'content-type']
        .filter((h) => !headers.includes(h) && !headers.includes('*'))
        .map((h) => `header ${h} not allowed`),
    ];
    const ok = preflight.status >= 200 && preflight.status < 300 && missingParts.length === 0;
    find({
      key: 'cors-preflight',
      source: 'CORS (README, API assumptions 11)',
      assumption: `A preflight from ${origin} allows GET, POST and DELETE with Authorization and Content-Type.`,
      verdict: ok ? 'confirmed' : preflight.failure ? 'could not tell' : 'contradicted',
      detail: ok
        ? `${preflight.status}; methods ${preflight.headers.get('access-control-allow-methods')}; headers ${preflight.headers.get('access-control-allow-headers')}`
        : preflight.failure
          ? describeAnswer(preflight)
          : `${preflight.status}; ${missingParts.join('; ') || 'not a 2xx'}`,
    });
  } else {
    find({
      key: 'cors-preflight',
      source: 'CORS (README, API assumptions 11)',
      assumption: 'A preflight from the console’s origin allows GET, POST and DELETE with Authorization.',
      verdict: 'could not tell',
      detail: 'no --origin given',
    });
  }

  return { apiUrl, accountId: options.accountId, origin, campaignId, requests, findings };
};
