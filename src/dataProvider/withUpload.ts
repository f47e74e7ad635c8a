// SIP Caller's own call, added the way react-admin's docs add one (`addUploadFeature(dataProvider)`).
import type { DataProvider } from 'react-admin';
import { apiPaths } from '../contract';
import type { Location } from './nested';
import { collectionPath, joinUrl, uploadQueryString } from './query';
import type { SipCallerDataProvider } from './types';
import type { XhrFactory } from './upload';

export interface UploadFeatureOptions {
  location: () => Location;
  getToken: () => string | null | undefined;
  /** Defaults to `new XMLHttpRequest()`. */
  xhrFactory?: XhrFactory;
}

/**
 * `uploadNumbers`: the CSV as multipart over XMLHttpRequest, with progress.
 * Not through the httpClient: fetch cannot report upload progress, XHR can.
 */
export const withUpload = (
  provider: DataProvider,
  { location, getToken, xhrFactory }: UploadFeatureOptions,
): SipCallerDataProvider => ({
  ...provider,
  uploadNumbers: async (campaignId, file, uploadOptions, controls) => {
    // Its own chunk, fetched with the first upload: the first campaigns page does not need it.
    const { assertUploadOptions, sendUpload } = await import('./upload');
    assertUploadOptions(uploadOptions);
    const { apiUrl, accountId } = location();
    // Checks the account and campaign the same way as every numbers call.
    collectionPath('numbers', accountId, campaignId);
    const url = `${joinUrl(apiUrl, apiPaths.upload(accountId, campaignId))}?${uploadQueryString(uploadOptions)}`;
    return sendUpload({ url, token: getToken(), file, controls, xhrFactory });
  },
});
