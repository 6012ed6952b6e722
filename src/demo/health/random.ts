// Seeded pseudo-random numbers for the demo's health values: the same seed gives the same world
// on every machine and every start (no clock, no Math.random), and each use draws from a seed of
// its own name, so adding a district does not reshuffle the others' figures.

/** A 32-bit hash of a text (FNV-1a). */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Numbers in [0, 1) from a named seed (mulberry32). */
export function random(seed: string): () => number {
  let state = hash(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number between `low` and `high` from a generator. */
export const between = (next: () => number, low: number, high: number): number =>
  low + (high - low) * next();

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALPHANUMERIC = `${LETTERS}0123456789`;

/** A DHIS2-shaped uid (a letter, then ten letters or digits) that always comes out the same. */
export function uidFor(code: string): string {
  const next = random(`uid:${code}`);
  let uid = LETTERS[Math.floor(next() * LETTERS.length)] ?? "a";
  for (let i = 1; i < 11; i++) uid += ALPHANUMERIC[Math.floor(next() * ALPHANUMERIC.length)];
  return uid;
}

/**
 * Splits a whole number into whole parts in proportion to the weights (largest remainder), so
 * that the parts add up to the total exactly.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}
