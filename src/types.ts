// Records and payloads of the SIP Caller REST API, as the console and the emulator see them.
// The enumerations are the documented values (campaigns) and our assumptions (numbers): see contract.ts.

/**
 * A record id exactly as the API wrote it: a number (the emulator's default) or an opaque string such
 * as "5f8d0d55b54764421b7156c9" (the real API, very likely; the emulator with SIPCALLER_ID_STYLE=opaque,
 * whose ids may hold `-`, `_`, `.`, `~`, `:`). Never converted: a DELETE body sends it back as it came,
 * a URL carries it encodeURIComponent'ed, and two ids are compared as strings (`sameId`).
 */
export type Id = string | number;

export const CAMPAIGN_STATUSES = ['Draft', 'Active', 'Paused', 'Canceled', 'Finished'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_TYPES = ['Static', 'Dynamic'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const DIALER_MODES = ['Power', 'Predictive'] as const;
export type DialerMode = (typeof DIALER_MODES)[number];

export const NUMBER_STATUSES = ['Pending', 'InProgress', 'Completed', 'Failed'] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

export const RING_RESULTS = ['Answered', 'NoAnswer', 'Busy', 'Failed', 'Machine'] as const;
export type RingResult = (typeof RING_RESULTS)[number];

export interface Campaign {
  id: Id;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  dialer: { mode: DialerMode };
  phoneSystemId: Id | null;
  extensionId: Id | null;
  tagIds: Id[];
  /** ISO local date-time, e.g. "2024-12-01T00:00:00", or null when not scheduled. */
  startDate: string | null;
  /** The real API may send more fields; the console keeps and ignores them. */
  [extra: string]: unknown;
}

export interface CampaignNumber {
  id: Id;
  /** Stored as sent: "+18005551234" or a national "5550001". */
  number: string;
  varValues: string[];
  status: NumberStatus;
  attempts: number;
  ringResult: RingResult | null;
  /** ISO date-time (UTC). */
  createdAt: string;
  /** Added by the console's data provider (not sent by the API): the campaign the record belongs to. */
  campaignId?: Id;
  [extra: string]: unknown;
}

export interface NewNumber {
  number: string;
  varValues?: string[];
}

export interface UploadRejection {
  /** 1-based line number in the uploaded file (a header row counts as line 1). */
  line: number;
  reason: string;
}

export interface UploadResult {
  inserted: number;
  rejectedCount: number;
  /** The first UPLOAD_MAX_REJECTED_LISTED rejections. */
  rejected: UploadRejection[];
}

export interface UploadOptions {
  firstRowIsHeader: boolean;
  varCount: number;
}

export interface ApiErrorBody {
  message: string;
}
