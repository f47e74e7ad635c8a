import { describe, expect, it } from 'vitest';
import { searchDigits } from './numberSearch';

describe('searchDigits', () => {
  it('drops what the add form ignores, so formatted searches find the stored number', () => {
    const stored = '+18654929608';
    for (const [typed, digits] of [
      ['(865) 492', '865492'],
      ['865-492', '865492'],
      ['865.492', '865492'],
      ['865/492', '865492'],
      ['+1 865 492', '1865492'],
      ['+1 (865) 492-9608', '18654929608'],
      ['  8654929608 ', '8654929608'],
      ['0012', '0012'],
    ]) {
      expect(searchDigits(typed)).toBe(digits);
      expect(stored.includes(searchDigits(typed)) || digits === '0012').toBe(true);
    }
  });

  it('sends anything else as typed', () => {
    expect(searchDigits('abc')).toBe('abc');
    expect(searchDigits('')).toBe('');
    expect(searchDigits(' + ')).toBe('');
  });
});
