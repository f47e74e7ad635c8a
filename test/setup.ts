import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadNumberMessages } from '../src/i18n';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

// Shared machines are slow and noisy: give findBy/waitFor room instead of failing on a busy core.
// (A bound on waiting, not a timed assertion.)
configure({ asyncUtilTimeout: 10_000 });

// Components are rendered directly here, not through the lazy views that load the English messages
// of the numbers views in the console (src/i18n/index.ts): load them once, as those views would.
await loadNumberMessages();
