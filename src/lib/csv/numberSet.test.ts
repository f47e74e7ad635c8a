import { describe, expect, it } from 'vitest';
import { NumberLineMap } from './numberSet';

describe('NumberLineMap', () => {
  it('keeps the first line of each 15-digit key through growth', () => {
    const map = new NumberLineMap(4);
    const keys = Array.from({ length: 50_000 }, (_, i) => 100_000_000_000_000 + i * 7_777_777);
    const added = keys.map((key, i) => map.add(key, i + 1));
    expect(added.every((line) => line === 0)).toBe(true);
    expect(map.size).toBe(keys.length);
    const again = keys.map((key) => map.add(key, 999));
    expect(again.every((line, i) => line === i + 1)).toBe(true);
    expect(map.get(999_999_999_999_999)).toBe(0);
    expect(map.get(keys[123])).toBe(124);
  });
});
