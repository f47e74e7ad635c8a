import { useEffect } from 'react';
import { withNumberMessages } from '../../i18n';
import { preloadNumberList } from '../numbers';

// The campaign page's code: its own chunk, the numbers grid's chunk and the numbers views' English
// messages, fetched at once (not one after the other).
export const loadCampaignShow = withNumberMessages(() => {
  void preloadNumberList();
  return import('./CampaignShow');
});

let preloaded = false;
/**
 * Once `ready` (the campaigns list has shown its rows), fetches the campaign page's code while the
 * browser is idle, so that clicking a campaign does not wait for it. Once per page load.
 */
export const usePreloadCampaignShow = (ready: boolean): void => {
  useEffect(() => {
    if (!ready || preloaded || typeof window.requestIdleCallback !== 'function') return;
    const handle = window.requestIdleCallback(
      () => {
        preloaded = true;
        loadCampaignShow().catch(() => {
          preloaded = false;
        });
      },
      { timeout: 3000 },
    );
    return () => window.cancelIdleCallback(handle);
  }, [ready]);
};
