// THE place where the console and the emulator write down what they know and assume about the
// SIP Caller REST API (see ../shared/api/CONTRACT.md and the README's "API assumptions" section).
// Change an assumption here and both sides follow; the client must still tolerate an API that
// answers differently (a missing Content-Range, string ids, extra fields).
import type { Campaign } from './types';

/** Documented: every call lives under this path prefix of the API's base URL. */
export const API_PREFIX = '/v1';
/** Documented: the vendor's base URL. */
export const VENDOR_API_URL = 'https://api.sipcaller.com/v1';

/** Assumed: a list call answers at most this many rows; a larger range is clamped. */
export const MAX_RANGE_ROWS = 1000;
/**
 * Assumed: the longest query string a list call should send. Proxies in front of an API often refuse
 * URLs over 8 KB, so a `getMany` of many ids is split into calls that each stay under this.
 */
export const MAX_QUERY_STRING_CHARS = 6000;
/** Assumed: the most ids one DELETE may carry (the console batches above it). */
export const MAX_DELETE_IDS = 1000;
/** Assumed: the most variable values one number may carry, and the longest value. */
export const MAX_VAR_VALUES = 20;
export const MAX_VAR_VALUE_LENGTH = 255;
/** Assumed: the upload answer lists at most this many rejections (rejectedCount has them all). */
export const UPLOAD_MAX_REJECTED_LISTED = 1000;
/** Assumed: the emulator's default upload size limit (configurable there). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 256 * 1024 * 1024;
/** Assumed: JSON request bodies larger than this are a 413. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * Chosen: how often the campaign page asks again for its counts and the grid's current page while it
 * is open and the tab is visible (one count call per bar plus one page of numbers each time; a refresh
 * still running when the next is due is not doubled). 0 turns the refresh off.
 */
export const CAMPAIGN_PAGE_REFRESH_MS = 15_000;

/**
 * Assumed: the shape of a number the API accepts, as stored: a "+" and 8 to 15 digits (E.164),
 * or 5 to 15 bare digits (the vendor page's CSV holds 7-digit national numbers).
 */
export const NUMBER_PATTERN = /^(\+[0-9]{8,15}|[0-9]{5,15})$/;

/** Documented campaign filters. `name` is a case-insensitive substring (assumed). */
export const CAMPAIGN_FILTER_FIELDS = [
  'ids',
  'name',
  'phoneSystemId',
  'extensionId',
  'dialer',
  'tagIds_ovl',
  'status',
  'type',
  'startDate_gte',
] as const;
export const CAMPAIGN_SORT_FIELDS = [
  'id',
  'name',
  'type',
  'status',
  'dialer.mode',
  'phoneSystemId',
  'extensionId',
  'startDate',
] as const;

/** Number filters. `number` is a case-insensitive substring (assumed, from the page's example). */
export const NUMBER_FILTER_FIELDS = ['ids', 'number', 'status', 'ringResult'] as const;
export const NUMBER_SORT_FIELDS = ['id', 'number', 'status', 'attempts', 'ringResult', 'createdAt'] as const;
/**
 * Assumed: the `ringResult` filter takes `null` for "never called" (a number whose last ring result
 * is null), alone or in an array with named results (`{"ringResult":[null,"Busy"]}` = not called
 * yet, or busy). The page documents neither; the emulator implements it (server/query.ts).
 */
export const RING_RESULT_NOT_CALLED = null;

export type CampaignFilterField = (typeof CAMPAIGN_FILTER_FIELDS)[number];
export type NumberFilterField = (typeof NUMBER_FILTER_FIELDS)[number];

/** Documented: numbers can be added (and, we assume, removed) only in a Dynamic campaign that is Active. */
export const canChangeNumbers = (campaign: Pick<Campaign, 'type' | 'status'>): boolean =>
  campaign.type === 'Dynamic' && campaign.status === 'Active';

/** Assumed: the list total travels in `Content-Range: <resource> <start>-<end>/<total>`. */
export const CONTENT_RANGE_HEADER = 'Content-Range';

export const formatContentRange = (resource: string, start: number, count: number, total: number): string =>
  count === 0 ? `${resource} */${total}` : `${resource} ${start}-${start + count - 1}/${total}`;

/** Documented paths, relative to the API base URL (which already ends in /v1). */
export const apiPaths = {
  campaigns: (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/campaigns`,
  numbers: (accountId: string, campaignId: string | number) =>
    `/accounts/${encodeURIComponent(accountId)}/campaigns/${encodeURIComponent(String(campaignId))}/numbers`,
  upload: (accountId: string, campaignId: string | number) =>
    `/accounts/${encodeURIComponent(accountId)}/campaigns/${encodeURIComponent(String(campaignId))}/numbers/upload`,
} as const;
