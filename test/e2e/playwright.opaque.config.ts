// The browser journeys once more against an emulator that answers opaque string ids
// (SIPCALLER_ID_STYLE=opaque, server/ids.ts): sign-in, the grids, adding a number, the upload, and
// delete with undo. Everything else is the main config's (test/e2e/playwright.config.ts).
import { defineConfig } from '@playwright/test';
import main from './playwright.config';

// The specs read the style too (fixtures.ts ID_STYLE); workers inherit the runner's environment.
process.env.SIPCALLER_ID_STYLE = 'opaque';

const mainServer = Array.isArray(main.webServer) ? main.webServer[0] : main.webServer;
if (!mainServer) throw new Error('test/e2e/playwright.config.ts starts no web server.');

export default defineConfig({
  ...main,
  testMatch: ['auth.spec.ts', 'campaigns.spec.ts', 'numbers.spec.ts', 'add-number.spec.ts', 'upload.spec.ts'],
  outputDir: '../../test-results/opaque-ids',
  webServer: { ...mainServer, env: { ...mainServer.env, SIPCALLER_ID_STYLE: 'opaque' } },
});
