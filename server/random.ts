// A seeded PRNG (mulberry32, the same generator as test/fixtures/random.ts, which server code may
// not import): the simulated dialer draws its ring results from it, so a seed replays a run.
export const createRandom = (seed: number) => {
  let state = seed >>> 0;
  /** A float in [0, 1). */
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
