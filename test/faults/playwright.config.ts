import { defineConfig } from '@playwright/test';
import e2e from '../e2e/playwright.config';

// The browser fault specs: the e2e set-up exactly (the emulator from dist/ on a free port, Debian
// Chromium, test/e2e/fixtures.ts), with this folder's specs.
export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/faults',
  // Injected faults are global to the one emulator, and each spec clears them when it ends: one
  // spec at a time, or a spec's clean-up takes away another's fault (seen with --repeat-each).
  workers: 1,
});
