// E.164 keys: the digits of an E.164 number as a float64 (at most 15 digits, exact below 2^53);
// "+" + String(key) is the number. Sorted typed arrays of them are what a list stores.

/** The E.164 form of a key. */
export const keyToE164 = (key: number): string => `+${key}`;

/** The key of an E.164 string ("+" and digits), or 0 when it is not one. */
export const e164ToKey = (e164: string): number =>
  /^\+[1-9]\d{1,14}$/.test(e164) ? Number(e164.slice(1)) : 0;

/** Sorts in place and drops repeated keys; returns the distinct prefix (a view, no copy). */
export function sortUnique(keys: Float64Array): Float64Array {
  keys.sort();
  let out = 0;
  for (let i = 0; i < keys.length; i++) {
    if (out === 0 || keys[i] !== keys[out - 1]) keys[out++] = keys[i];
  }
  return keys.subarray(0, out);
}

/** Merges two sorted distinct key arrays into a new sorted distinct one. */
export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) out[n++] = a[i++];
    else if (a[i] > b[j]) out[n++] = b[j++];
    else {
      out[n++] = a[i++];
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.subarray(0, n);
}

/**
 * Sorted distinct keys as LEB128 varints of their deltas (the first from 0). A national list's
 * neighbours are a few hundred apart: about 2 bytes a key instead of 8, so a stored list is a
 * quarter of the bytes to write and, before every upload analysis, to read back.
 */
export function packKeys(keys: Float64Array): Uint8Array {
  // A delta below 2^53 takes at most 8 bytes of 7 bits.
  const out = new Uint8Array(keys.length * 8);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < keys.length; i++) {
    let delta = keys[i] - previous;
    previous = keys[i];
    while (delta >= 128) {
      out[at++] = (delta % 128) | 128;
      delta = Math.floor(delta / 128);
    }
    out[at++] = delta;
  }
  return out.slice(0, at);
}

/** The `count` keys of packKeys' bytes. */
export function unpackKeys(packed: Uint8Array, count: number): Float64Array {
  const keys = new Float64Array(count);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    let byte = packed[at++];
    let delta = byte & 127;
    let scale = 128;
    while (byte & 128) {
      byte = packed[at++];
      delta += (byte & 127) * scale;
      scale *= 128;
    }
    previous += delta;
    keys[i] = previous;
  }
  return keys;
}

/** Index of `key` in a sorted array, or -1. */
export function binarySearch(keys: ArrayLike<number>, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = keys[mid];
    if (value < key) lo = mid + 1;
    else if (value > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}
