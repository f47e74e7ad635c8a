// The benchmarks' smoke test (bench/smoke.test.ts): one file, its cases one after the other (each
// starts servers, builds and a browser of its own), in Node.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench-smoke',
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/smoke.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
  },
});
