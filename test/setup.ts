import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadNumberMessages } from '../src/i18n';
import { nodeTimeZoneSource } from '../src/lib/phone/testing';
// The module itself, not the index: importing the index here would load libphonenumber-js before a
// test's vi.mock of it (lazy.test.ts).
import { setTimeZoneSource } from '../src/lib/phone/timeZones';

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

// There is no server to fetch the time-zone map from: read it from disk, as a worker would fetch it.
setTimeZoneSource(nodeTimeZoneSource);
