import { lazy } from 'react';
import { withNumberMessages } from '../../i18n';

// Routes nested under the campaigns resource (<Resource name="campaigns">{children}</Resource>),
// so their paths are relative to /campaigns. The numbers grid itself lives on the campaign page.
export const numberRoutes = [
  {
    path: ':campaignId/numbers/create',
    Component: lazy(withNumberMessages(() => import('./create/NumberCreate'))),
  },
  {
    path: ':campaignId/numbers/upload',
    Component: lazy(withNumberMessages(() => import('./upload/NumbersUpload'))),
  },
] as const;

// Resource config, spread into <Resource name="numbers">: no list route of its own.
export default {
  recordRepresentation: 'number',
};

// The campaign page's grid of numbers (src/resources/campaigns/CampaignShow.tsx). Lazy, so that the
// console's first chunk (App.tsx imports this index) does not carry the grid, its bulk actions and
// what they import; preloadNumberList() lets the campaign page fetch it alongside its own code.
const loadNumberList = () => import('./NumberList');
export const preloadNumberList = (): Promise<unknown> => loadNumberList();
export const NumberList = lazy(() => loadNumberList().then((module) => ({ default: module.NumberList })));

// Scrub campaign, among the campaign page's actions (src/resources/campaigns/NumberActions.tsx):
// lazy, with the numbers' messages, so the first chunk carries neither it nor src/lib/dnc.
export const ScrubCampaign = lazy(withNumberMessages(() => import('./bulk/ScrubCampaign')));

// The default country of national numbers, a device setting (src/resources/dnc reads numbers as the add form does).
export { useDefaultCountry } from './shared/deviceSettings';
// The numbers grid's store key and params (the campaign page's chart filters the grid through them).
export { numbersGridStoreKey, type StoredListParams } from './shared/gridStore';
// The app bar's indicator of the uploads under way (src/layout/AppBar.tsx): a tiny store and link,
// none of the upload's code (that stays in the lazy upload route).
export { UploadIndicator } from './shared/UploadIndicator';
