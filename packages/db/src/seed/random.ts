// The seed's only source of randomness: mulberry32, seeded per purpose from a string, so each
// event's sales come out the same on every run and adding an event does not reshuffle the others.
import { createHash } from "node:crypto";

/** Bump to regenerate different (but again stable) demo data. */
const SEED = 20_261_124;

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight, e.g. weighted([[1, 15], [2, 45]]). */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
};

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randomFor(purpose: string): Random {
  const next = mulberry32(createHash("sha256").update(purpose).digest().readUInt32LE(0) ^ SEED);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = choices.at(-1);
      if (!last) throw new Error("weighted pick from an empty list");
      return last[0];
    },
  };
  return random;
}
