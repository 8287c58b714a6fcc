// What the city-year dataset must add up to, and how it spreads over days and units.
// 2025 is the article's "past year" (DESIGN.md §3); 2024 is set so that 2025's 立案数 is −21.79 %
// and 破案 +49.72 % against it; 2026 runs at a similar pace up to yesterday.
import type { Rng } from "./random";

export type YearTargets = {
  warningsHandled: number;
  /** Warnings resolved DISSUADED; the rest of 避免受骗 are standalone counter interceptions. */
  dissuadedWarnings: number;
  centerDissuaded: number;
  intercepts: number;
  lossStoppedFen: number;
  centerLossStoppedFen: number;
  hotlineCalls: number;
  casesFiled: number;
  casesSolved: number;
  gangs: number;
  suspects: number;
  itemsSeized: number;
  fundsRecoveredFen: number;
  appRegistrations: number;
  consultationCalls: number;
  outreachAudience: number;
};

export const TARGETS: Record<number, YearTargets> = {
  2024: {
    warningsHandled: 968_412, dissuadedWarnings: 917, centerDissuaded: 161, intercepts: 188,
    lossStoppedFen: 4_821_053_080, centerLossStoppedFen: 941_276_500, hotlineCalls: 801_957,
    casesFiled: 6_200, casesSolved: 1_237, gangs: 642, suspects: 6_118, itemsSeized: 16_904,
    fundsRecoveredFen: 591_230_000, appRegistrations: 1_052_377, consultationCalls: 27_916, outreachAudience: 171_235,
  },
  // The article: 1,852 solved, 801 gangs, 7,737 suspects, 2万余 items, 1,413 people (199 by the
  // center), ¥6,397万 (¥1,256万), ¥750万 recovered, 118万 registrations and warnings, 96万 calls,
  // 3万 consultations, 21.6万 audience.
  2025: {
    warningsHandled: 1_181_735, dissuadedWarnings: 1_177, centerDissuaded: 199, intercepts: 236,
    lossStoppedFen: 6_397_428_536, centerLossStoppedFen: 1_256_391_840, hotlineCalls: 960_318,
    casesFiled: 4_849, casesSolved: 1_852, gangs: 801, suspects: 7_737, itemsSeized: 20_468,
    fundsRecoveredFen: 753_642_075, appRegistrations: 1_180_466, consultationCalls: 31_652, outreachAudience: 216_430,
  },
  // A whole year's pace; the generator takes the share of it up to its last day.
  2026: {
    warningsHandled: 1_236_000, dissuadedWarnings: 1_260, centerDissuaded: 214, intercepts: 251,
    lossStoppedFen: 6_812_000_000, centerLossStoppedFen: 1_390_000_000, hotlineCalls: 1_004_000,
    casesFiled: 4_120, casesSolved: 2_010, gangs: 846, suspects: 8_120, itemsSeized: 21_900,
    fundsRecoveredFen: 826_000_000, appRegistrations: 1_120_000, consultationCalls: 33_400, outreachAudience: 228_000,
  },
};

/** Scales a year's targets to a share of it (the running year). */
export function partOfYear(t: YearTargets, share: number): YearTargets {
  const out = {} as YearTargets;
  for (const [k, v] of Object.entries(t) as [keyof YearTargets, number][]) out[k] = Math.round(v * share);
  out.centerDissuaded = Math.min(out.centerDissuaded, out.dissuadedWarnings);
  return out;
}

/** Integer shares of `total` proportional to `weights` that add up to `total` exactly (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const j = order[k]![1];
    out[j] = out[j]! + 1;
  }
  return out;
}

/**
 * `n` amounts in fen adding up to `totalFen` exactly: log-uniform between min and max yuan (small
 * ones far more common), scaled to the total, rounded to whole yuan; the last takes the remainder.
 */
export function splitAmount(rng: Rng, totalFen: number, n: number, minYuan: number, maxYuan: number): number[] {
  if (n === 0) return [];
  const raw = Array.from({ length: n }, () => Math.exp(Math.log(minYuan) + rng.next() * (Math.log(maxYuan) - Math.log(minYuan))));
  const scale = totalFen / 100 / raw.reduce((a, b) => a + b, 0);
  const fen = raw.map((y) => Math.max(100, Math.round(y * scale) * 100));
  const rest = totalFen - fen.slice(0, -1).reduce((a, b) => a + b, 0);
  if (rest <= 0) throw new Error("splitAmount: amounts do not fit the total");
  fen[n - 1] = rest;
  return fen;
}

/** Splits `total` into `n` positive integers (n ≤ total) of random size. */
export function splitCount(rng: Rng, total: number, n: number): number[] {
  const weights = Array.from({ length: n }, () => 0.2 + rng.next());
  const out = allocate(total - n, weights).map((x) => x + 1);
  return out;
}

// ── rhythms ──

// Month of year: fewer around the Spring Festival, more in the summer holidays (students) and
// around the November shopping festival.
const MONTH = [1.02, 0.86, 0.97, 0.98, 1.0, 1.02, 1.08, 1.1, 1.0, 0.96, 1.08, 1.04];
// Monday first: calls and bank traffic drop at the weekend.
const WEEKDAY = [1.08, 1.05, 1.04, 1.02, 1.0, 0.9, 0.86];

/** A day's relative activity: month × weekday × a slow upward trend × a little noise. */
export function dayWeight(rng: Rng, day: string, opts: { weekday?: boolean; noise?: number } = {}): number {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const trend = 1 + 0.08 * ((d.getUTCMonth() + 1) / 12);
  const noise = 1 + (opts.noise ?? 0.08) * (rng.next() * 2 - 1);
  return MONTH[d.getUTCMonth()]! * (opts.weekday === false ? 1 : WEEKDAY[weekday]!) * trend * noise;
}

/** Every day from `from` to `to` inclusive ("YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
