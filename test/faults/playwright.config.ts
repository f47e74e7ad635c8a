import { defineConfig } from '@playwright/test';
import e2e from '../e2e/playwright.config';

// The browser fault specs: the e2e set-up exactly (the emulator from dist/ on a free port, Debian
// Chromium, test/e2e/fixtures.ts), with this folder's specs.
export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/faults',
});
