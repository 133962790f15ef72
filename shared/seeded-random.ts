/**
 * A seeded pseudo-random number generator (mulberry32): small, fast, and the same sequence on
 * every machine for the same seed, so generated data (test corpora, facsimile noise, the
 * benchmark's library) is reproducible. Not for anything that must be unpredictable.
 */
export type Random = () => number;

/** Numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
