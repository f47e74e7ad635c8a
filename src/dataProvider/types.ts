import type { DataProvider } from 'react-admin';
import type { Id, UploadOptions, UploadResult } from '../types';

export interface UploadProgress {
  /** Bytes of the request body sent so far. */
  loaded: number;
  /** Bytes of the whole request body (the file plus multipart framing). */
  total: number;
}

export interface UploadControls {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * The react-admin data provider of the console, with SIP Caller's own calls.
 * Resources: `campaigns` and `numbers`. A `numbers` call names its campaign with
 * `meta.campaignId` (or `filter.campaignId` on lists, or `data.campaignId` on create);
 * number records come back with `campaignId` set by the provider.
 */
export interface SipCallerDataProvider extends DataProvider {
  uploadNumbers(
    campaignId: Id,
    file: Blob,
    options: UploadOptions,
    controls?: UploadControls,
  ): Promise<UploadResult>;
}
