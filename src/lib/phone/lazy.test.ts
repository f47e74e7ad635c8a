import { expect, it, vi } from 'vitest';

// Counts the Metadata instances the module makes: none at import (page code imports the module
// for the add form), one on the memo's first use, then kept.
const made = vi.hoisted(() => ({ count: 0 }));
vi.mock('libphonenumber-js/max', async (importOriginal) => {
  const actual = await importOriginal<typeof import('libphonenumber-js/max')>();
  class CountedMetadata extends actual.Metadata {
    constructor() {
      super();
      made.count++;
    }
  }
  return { ...actual, Metadata: CountedMetadata };
});

it('reads no metadata at import, and builds the memo tables once, on first use', async () => {
  const phone = await import('./index');
  expect(made.count).toBe(0);
  expect(phone.checkNumber('202 555 0123', 'US')).toEqual({ kind: 'valid', e164: '+12025550123' });
  expect(phone.countryOptions('en').length).toBeGreaterThan(200);
  expect(made.count).toBe(0);
  expect(phone.createNumberNormaliser('US').normalise('+1 202 555 0123')).toBe('+12025550123');
  expect(made.count).toBe(1);
  expect(phone.createNumberNormaliser('ES').normalise('+34 612 34 56 78')).toBe('+34612345678');
  expect(made.count).toBe(1);
});
