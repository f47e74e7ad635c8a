// Parses and validates the list parameters `filter`, `sort` and `range` (react-admin's simple-REST
// dialect, see CONTRACT.md). Pure functions: nothing here touches SQL. What comes out is typed and
// whitelisted, so the repositories build SQL only from fixed fragments and bound values.
import {
  CAMPAIGN_FILTER_FIELDS,
  CAMPAIGN_SORT_FIELDS,
  MAX_RANGE_ROWS,
  NUMBER_FILTER_FIELDS,
  NUMBER_SORT_FIELDS,
} from '../src/contract.ts';
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  type CampaignStatus,
  type CampaignType,
  DIALER_MODES,
  type DialerMode,
  NUMBER_STATUSES,
  type NumberStatus,
  RING_RESULTS,
  type RingResult,
} from '../src/types.ts';
import { badRequest } from './errors.ts';
import { type IdCodec, type IdKind, INTEGER_IDS } from './ids.ts';

export type SortOrder = 'ASC' | 'DESC';
export interface Sort<F extends string> {
  field: F;
  order: SortOrder;
}
/** Inclusive bounds, already clamped to MAX_RANGE_ROWS rows. */
export interface Range {
  start: number;
  end: number;
}

export type NumberSortField = (typeof NUMBER_SORT_FIELDS)[number];
export type CampaignSortField = (typeof CAMPAIGN_SORT_FIELDS)[number];

export interface NumberFilter {
  ids?: number[];
  number?: string;
  status?: NumberStatus[];
  /** `null` stands for "never called". */
  ringResult?: (RingResult | null)[];
}

export interface CampaignFilter {
  ids?: number[];
  name?: string;
  phoneSystemId?: number[];
  extensionId?: number[];
  dialerMode?: DialerMode[];
  tagIds?: number[];
  status?: CampaignStatus[];
  type?: CampaignType[];
  /** Normalised to `YYYY-MM-DDTHH:MM:SS` so it compares as a string with stored dates. */
  startDateGte?: string;
}

/** Query-string (or form body) values as Node's parser gives them. */
export type RawParams = Record<string, string | string[] | undefined>;

const MAX_ID_LIST = 10_000;
const MAX_SEARCH_LENGTH = 100;

/** One value per parameter; an empty value counts as absent. Whitespace around it is tolerated. */
export const readParam = (raw: RawParams, name: string): string | undefined => {
  const value = raw[name];
  if (Array.isArray(value)) throw badRequest(`The "${name}" parameter was given more than once.`);
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const parseJson = (name: string, text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`The "${name}" parameter is not valid JSON: ${text.slice(0, 100)}`);
  }
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const parseRange = (text: string | undefined): Range => {
  if (text === undefined) return { start: 0, end: MAX_RANGE_ROWS - 1 };
  const value = parseJson('range', text);
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((bound) => Number.isSafeInteger(bound) && (bound as number) >= 0)
  ) {
    throw badRequest('The "range" parameter must be [start, end]: two non-negative integers, e.g. [0,19].');
  }
  const [start, end] = value as [number, number];
  if (start > end) throw badRequest(`The "range" start (${start}) is after its end (${end}).`);
  return { start, end: Math.min(end, start + MAX_RANGE_ROWS - 1) };
};

export const parseSort = <F extends string>(text: string | undefined, fields: readonly F[]): Sort<F> => {
  if (text === undefined) return { field: 'id' as F, order: 'ASC' };
  const value = parseJson('sort', text);
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    typeof value[1] !== 'string'
  ) {
    throw badRequest('The "sort" parameter must be [field, order], e.g. ["name","ASC"].');
  }
  const [field, order] = value as [string, string];
  if (!(fields as readonly string[]).includes(field)) {
    throw badRequest(`Cannot sort on "${field.slice(0, 50)}"; sortable fields: ${fields.join(', ')}.`);
  }
  const upper = order.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') {
    throw badRequest(`The sort order must be "ASC" or "DESC", not "${order.slice(0, 20)}".`);
  }
  return { field: field as F, order: upper };
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * An id filter (or DELETE body) as rowids. In the integer style ids are integers or numeric strings,
 * and anything else is a 400. In the opaque style (server/ids.ts) a string or number that is not an
 * id of this kind names no row, like an unknown integer id: it is left out, so it matches nothing.
 * Values that are no id in either style (objects, booleans, null) are a 400 in both.
 */
export const parseIdList = (
  field: string,
  value: unknown,
  kind: IdKind = 'number',
  ids: IdCodec = INTEGER_IDS,
): number[] => {
  const list = asList(value);
  if (list.length > MAX_ID_LIST)
    throw badRequest(`The "${field}" filter lists more than ${MAX_ID_LIST} ids.`);
  const rowids: number[] = [];
  for (const item of list) {
    const id = typeof item === 'string' || typeof item === 'number' ? ids.fromApi(kind, item) : null;
    if (id !== null) rowids.push(id);
    else if (ids.style === 'integer' || (typeof item !== 'string' && typeof item !== 'number')) {
      throw badRequest(
        ids.style === 'integer'
          ? `The "${field}" filter takes ids (integers or numeric strings), not ${JSON.stringify(item)}.`
          : `The "${field}" filter takes ids (strings), not ${JSON.stringify(item)}.`,
      );
    }
  }
  return rowids;
};

const parseEnumList = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T[] =>
  asList(value).map((item) => {
    if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) {
      throw badRequest(
        `The "${field}" filter takes ${allowed.join(', ')} (or an array of them), not ${JSON.stringify(item)}.`,
      );
    }
    return item as T;
  });

const parseSubstring = (field: string, value: unknown): string => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw badRequest(`The "${field}" filter takes a string.`);
  if (value.length > MAX_SEARCH_LENGTH) {
    throw badRequest(`The "${field}" filter is longer than ${MAX_SEARCH_LENGTH} characters.`);
  }
  return value;
};

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date or local date-time; an offset is accepted and ignored, since campaign dates are local. */
export const parseDateTime = (field: string, value: unknown): string => {
  const match = typeof value === 'string' ? DATE_TIME.exec(value.trim()) : null;
  if (!match) {
    throw badRequest(`The "${field}" filter takes a date-time such as "2024-12-01T00:00:00".`);
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const check = new Date(`${normalised}Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 19) !== normalised) {
    throw badRequest(`The "${field}" filter is not a real date-time: ${JSON.stringify(value)}.`);
  }
  return normalised;
};

const parseFilterObject = (text: string | undefined, fields: readonly string[]): Record<string, unknown> => {
  if (text === undefined) return {};
  const value = parseJson('filter', text);
  if (!isPlainObject(value))
    throw badRequest('The "filter" parameter must be a JSON object, e.g. {"status":"Active"}.');
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) {
      throw badRequest(`Cannot filter on "${key.slice(0, 50)}"; filterable fields: ${fields.join(', ')}.`);
    }
  }
  return value;
};

export const parseNumberFilter = (text: string | undefined, ids: IdCodec = INTEGER_IDS): NumberFilter => {
  const raw = parseFilterObject(text, NUMBER_FILTER_FIELDS);
  const filter: NumberFilter = {};
  if ('ids' in raw) filter.ids = parseIdList('ids', raw.ids, 'number', ids);
  if ('number' in raw) filter.number = parseSubstring('number', raw.number);
  if ('status' in raw) filter.status = parseEnumList('status', raw.status, NUMBER_STATUSES);
  if ('ringResult' in raw) {
    filter.ringResult = asList(raw.ringResult).map((item) =>
      item === null ? null : parseEnumList('ringResult', item, RING_RESULTS)[0],
    );
  }
  return filter;
};

export const parseCampaignFilter = (text: string | undefined, ids: IdCodec = INTEGER_IDS): CampaignFilter => {
  const raw = parseFilterObject(text, CAMPAIGN_FILTER_FIELDS);
  const filter: CampaignFilter = {};
  if ('ids' in raw) filter.ids = parseIdList('ids', raw.ids, 'campaign', ids);
  if ('name' in raw) filter.name = parseSubstring('name', raw.name);
  if ('phoneSystemId' in raw)
    filter.phoneSystemId = parseIdList('phoneSystemId', raw.phoneSystemId, 'phoneSystem', ids);
  if ('extensionId' in raw)
    filter.extensionId = parseIdList('extensionId', raw.extensionId, 'extension', ids);
  if ('dialer' in raw) {
    const dialer = raw.dialer;
    if (!isPlainObject(dialer) || Object.keys(dialer).some((key) => key !== 'mode') || !('mode' in dialer)) {
      throw badRequest('The "dialer" filter must be {"mode": "Power" | "Predictive"}.');
    }
    filter.dialerMode = parseEnumList('dialer.mode', dialer.mode, DIALER_MODES);
  }
  if ('tagIds_ovl' in raw) filter.tagIds = parseIdList('tagIds_ovl', raw.tagIds_ovl, 'tag', ids);
  if ('status' in raw) filter.status = parseEnumList('status', raw.status, CAMPAIGN_STATUSES);
  if ('type' in raw) filter.type = parseEnumList('type', raw.type, CAMPAIGN_TYPES);
  if ('startDate_gte' in raw) filter.startDateGte = parseDateTime('startDate_gte', raw.startDate_gte);
  return filter;
};

export interface ListParams<F, S extends string> {
  filter: F;
  sort: Sort<S>;
  range: Range;
}

export const parseNumberListParams = (
  raw: RawParams,
  ids: IdCodec = INTEGER_IDS,
): ListParams<NumberFilter, NumberSortField> => ({
  filter: parseNumberFilter(readParam(raw, 'filter'), ids),
  sort: parseSort(readParam(raw, 'sort'), NUMBER_SORT_FIELDS),
  range: parseRange(readParam(raw, 'range')),
});

export const parseCampaignListParams = (
  raw: RawParams,
  ids: IdCodec = INTEGER_IDS,
): ListParams<CampaignFilter, CampaignSortField> => ({
  filter: parseCampaignFilter(readParam(raw, 'filter'), ids),
  sort: parseSort(readParam(raw, 'sort'), CAMPAIGN_SORT_FIELDS),
  range: parseRange(readParam(raw, 'range')),
});
