import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

// Playwright loads this file in the runner AND in every worker: the port is chosen once, in the
// runner, and handed to the workers (and to a second load of this file) through the environment.
const pickFreePort = (): string =>
  execFileSync(
    process.execPath,
    [
      '-e',
      "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();})",
    ],
    { encoding: 'utf8' },
  ).trim();

process.env.SIPCALLER_E2E_PORT ??= pickFreePort();
const port = process.env.SIPCALLER_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results',
  fullyParallel: false,
  // The machine has two cores shared with the server under test.
  workers: 2,
  // No retries: a flaky journey is a bug to fix, not to hide.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // Serves the built SPA from dist/ (run `npm run build` first; `npm test` does) and the API at /v1.
    command: 'npx tsx server/main.ts',
    cwd: repoRoot,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      SIPCALLER_DB: ':memory:',
      SIPCALLER_EMULATOR_ADMIN: '1',
      SIPCALLER_DEMO_ACCOUNT_ID: '1001',
      SIPCALLER_DEMO_TOKEN: 'e2e-demo-token',
      SIPCALLER_OTHER_TOKEN: 'e2e-other-token',
      // The CSP lets the console call any port of this host: auth.spec.ts signs in to a closed one
      // ("cannot be reached"); security.spec.ts to another host, which the policy refuses.
      SIPCALLER_CONNECT_SRC: 'http://127.0.0.1:*',
      ...(process.env.SIPCALLER_STATIC_DIR ? { SIPCALLER_STATIC_DIR: process.env.SIPCALLER_STATIC_DIR } : {}),
    },
  },
});
