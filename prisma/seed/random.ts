// Deterministic randomness and time helpers for the demo dataset: the same seed always yields
// the same data, shifted to whatever `now` the loader is given.
import { CHINA_OFFSET_MS, chinaYear } from "@/lib/time/china";

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `weighted([["A", 3], ["B", 1]])` returns "A" three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  digits(length: number): string;
  /** A UUID v7 carrying `at` as its timestamp, so ids sort like the records they name. */
  uuid(at: Date): string;
};

/** mulberry32: tiny, fast, and plenty for demo data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (n: number) => Array.from({ length: n }, () => int(0, 15).toString(16)).join("");
  const rng: Rng = {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)]!;
    },
    weighted: (entries) => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of entries) {
        r -= w;
        if (r < 0) return item;
      }
      return entries[entries.length - 1]![0];
    },
    sample: (items, count) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, count);
    },
    digits: (length) => Array.from({ length }, () => String(int(0, 9))).join(""),
    uuid: (at) => {
      const ts = Math.max(0, Math.floor(at.getTime())).toString(16).padStart(12, "0").slice(-12);
      const variant = (8 + int(0, 3)).toString(16);
      return `${ts.slice(0, 8)}-${ts.slice(8)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
  };
  return rng;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);
export const addMinutes = (d: Date, minutes: number) => addMs(d, minutes * MINUTE);
export const minBy = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/** The China-local calendar date of `d`, as a UTC-midnight Date (how `@db.Date` columns hold it). */
export function chinaDay(d: Date): Date {
  const local = new Date(d.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export { chinaYear };

/** The instant of China-local `hour:minute` on the China-local day `daysAgo` days before `now`. */
export function chinaTime(now: Date, daysAgo: number, hour: number, minute: number): Date {
  const day = chinaDay(addMs(now, -daysAgo * DAY));
  return new Date(day.getTime() - CHINA_OFFSET_MS + hour * HOUR + minute * MINUTE);
}

/** Hours of the day weighted like real traffic: little at night, peaks late morning and evening. */
export const HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 1], [1, 0.5], [2, 0.3], [3, 0.2], [4, 0.2], [5, 0.3], [6, 0.6], [7, 1.2], [8, 2.5], [9, 3.5],
  [10, 4], [11, 4], [12, 3], [13, 3], [14, 3.8], [15, 4], [16, 3.8], [17, 3.2], [18, 3], [19, 3.5],
  [20, 4], [21, 3.5], [22, 2.5], [23, 1.6],
];

/** Exact yuan string from integer fen: 1234567 → "12345.67". */
export function yuan(fen: number): string {
  const f = Math.round(fen);
  const sign = f < 0 ? "-" : "";
  const abs = Math.abs(f);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A plausible amount in fen between `minYuan` and `maxYuan`, usually rounded like real transfers. */
export function amountFen(rng: Rng, minYuan: number, maxYuan: number): number {
  // Log-uniform: small amounts are far more common than large ones.
  const y = Math.exp(Math.log(minYuan) + rng.next() * (Math.log(maxYuan) - Math.log(minYuan)));
  const style = rng.weighted([["hundreds", 6], ["tens", 3], ["cents", 1]] as const);
  if (style === "hundreds") return Math.max(100, Math.round(y / 100) * 100) * 100;
  if (style === "tens") return Math.max(10, Math.round(y / 10) * 10) * 100;
  return Math.round(y * 100);
}
