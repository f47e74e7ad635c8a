import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

// Shared machines are slow and noisy: give findBy/waitFor room instead of failing on a busy core.
// (A bound on waiting, not a timed assertion.)
configure({ asyncUtilTimeout: 10_000 });
