// A compact map from E.164 numbers to the line where each was first seen. An E.164 number is at
// most 15 digits, so its digits as a double are exact (< 2^53) and unique (no calling code starts
// with 0). Open addressing over typed arrays costs 12 bytes a slot (about 24 MB at 1,000,000
// numbers) where a Set of strings costs 60-80 MB and stresses the garbage collector.

export class NumberLineMap {
  private keys: Float64Array;
  private lines: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The line stored for `key`, or 0 when absent. Keys must be positive integers. */
  get(key: number): number {
    let slot = this.slotOf(key);
    for (;;) {
      const k = this.keys[slot];
      if (k === key) return this.lines[slot];
      if (k === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Stores `line` for `key` unless present; returns the line already stored, or 0 when added. */
  add(key: number, line: number): number {
    let slot = this.slotOf(key);
    for (;;) {
      const k = this.keys[slot];
      if (k === key) return this.lines[slot];
      if (k === 0) break;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = key;
    this.lines[slot] = line;
    if (++this.count * 2 > this.mask) this.grow();
    return 0;
  }

  private slotOf(key: number): number {
    const low = (key % 4294967296) | 0;
    const high = (key / 4294967296) | 0;
    return (Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 7) & this.mask;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.lines = new Uint32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.add(oldKeys[i], oldLines[i]);
  }
}
