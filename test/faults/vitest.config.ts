import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the long fault tests (10,000 hostile requests over sockets, kill -9 during an
// upload, 50 clients for 30 s). One file at a time: each one loads the machine on its own.
export default defineConfig({
  test: {
    name: 'faults',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/faults/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
