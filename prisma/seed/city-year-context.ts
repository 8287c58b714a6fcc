// What the city-year generators share: the span of days, each year's targets, the unit tree with
// ids and weights, the demo users, the random source, the bulk writer and progress reporting.
import type { BulkWriter } from "./city-year-load";
import type { SeedUnit, SeedUser } from "./context";
import { daysBetween, dayWeight, partOfYear, TARGETS, type YearTargets } from "./city-year-plan";
import { HOUR_WEIGHTS, type Rng } from "./random";
import { CENTER_CODE } from "./units";
import { chinaDayOf, chinaDayStart, chinaYear } from "@/lib/time/china";

export type CityYearCtx = {
  rng: Rng;
  /** The generation's "now" (end of the span). */
  now: Date;
  days: string[];
  /** The years the span touches, each with its targets (the running year pro rata). */
  years: Map<number, { days: string[]; targets: YearTargets }>;
  units: Map<string, SeedUnit>;
  center: SeedUnit;
  precincts: SeedUnit[];
  branches: SeedUnit[];
  /** Relative warning/case load of each precinct: residents × how urban its branch is. */
  precinctWeights: (readonly [SeedUnit, number])[];
  branchWeights: (readonly [SeedUnit, number])[];
  users: Map<string, SeedUser>;
  writer: BulkWriter;
  progress: (stage: string) => void;
};

// City districts see more fraud per resident than the mountain counties.
const URBAN: Record<string, number> = { "420302": 1.6, "420303": 1.5, "420391": 1.4, "420304": 1.0, "420381": 1.1, "420390": 0.8 };

export function buildContext(opts: {
  rng: Rng; from: string; to: string; now: Date; units: Map<string, SeedUnit>; users: Map<string, SeedUser>;
  writer: BulkWriter; progress: (stage: string) => void;
}): CityYearCtx {
  const days = daysBetween(opts.from, opts.to);
  const years = new Map<number, { days: string[]; targets: YearTargets }>();
  for (const y of new Set(days.map((d) => Number(d.slice(0, 4))))) {
    const full = TARGETS[y];
    if (!full) throw new Error(`no targets for ${y}: the city-year dataset covers 2024 to 2026`);
    const inSpan = days.filter((d) => d.startsWith(`${y}-`));
    const all = daysBetween(`${y}-01-01`, `${y}-12-31`);
    // The running year gets the share of its activity up to the span's end.
    const share = inSpan.length === all.length ? 1 : inSpan.length / all.length;
    years.set(y, { days: inSpan, targets: share === 1 ? full : partOfYear(full, share) });
  }
  const all = [...opts.units.values()];
  const precincts = all.filter((u) => u.kind === "PRECINCT");
  const branches = all.filter((u) => u.kind === "BRANCH");
  const precinctWeights = precincts.map((p) => [p, (p.population ?? 50_000) * (URBAN[p.parentCode!] ?? 0.9)] as const);
  const branchWeights = branches.map((b) => [b, precinctWeights.filter(([p]) => p.parentCode === b.code).reduce((s, [, w]) => s + w, 0)] as const);
  return {
    ...opts, days, years, center: opts.units.get(CENTER_CODE)!, precincts, branches, precinctWeights, branchWeights,
  };
}

/** Per-day counts of a yearly total, for every day of the span (each year allocated on its own). */
export function perDay(ctx: CityYearCtx, total: (t: YearTargets) => number, shape: { weekday?: boolean; noise?: number } = {}): number[] {
  const out: number[] = [];
  for (const { days, targets } of ctx.years.values()) {
    const weights = days.map((d) => dayWeight(ctx.rng, d, shape));
    out.push(...allocateDays(total(targets), weights));
  }
  return out;
}

function allocateDays(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k++, left--) {
    const j = order[k % order.length]![1];
    out[j] = out[j]! + 1;
  }
  return out;
}

/** The UTC instant at which a China-local day starts. */
export const dayStart = chinaDayStart;

/** A random instant of the China-local day, hours weighted like real traffic (or within office hours). */
export function timeOn(rng: Rng, day: string, office = false): Date {
  const hour = office ? rng.int(8, 17) : rng.weighted(HOUR_WEIGHTS);
  return new Date(dayStart(day).getTime() + hour * 3_600_000 + rng.int(0, 3_599) * 1000 + rng.int(0, 999));
}

/** The China-local calendar year of an instant. */
export const chinaYearOf = chinaYear;
export { chinaDayOf };

/**
 * A UUID v7 carrying `at` as its timestamp (ids sort like the records), with 74 random bits —
 * the same shape as the demo data's ids, made with 3 draws instead of 18 (millions are needed).
 */
export function uuidAt(rng: Rng, at: Date): string {
  const ts = at.getTime().toString(16).padStart(12, "0");
  const a = (rng.next() * 0x1_0000_0000) >>> 0;
  const b = (rng.next() * 0x1_0000_0000) >>> 0;
  const c = (rng.next() * 0x1_0000_0000) >>> 0;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${hex(a & 0xfff, 3)}-${hex(((a >>> 12) & 0x3fff) | 0x8000, 4)}-${hex(b, 8)}${hex(c & 0xffff, 4)}`;
}

const MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159", "166", "177", "180", "181", "186", "187", "188", "189", "199"];

/** A mainland mobile number (the people.ts one, cheaper). */
export function fastMobile(rng: Rng): string {
  return MOBILE_PREFIXES[(rng.next() * MOBILE_PREFIXES.length) | 0]! + String(Math.floor(rng.next() * 100_000_000)).padStart(8, "0");
}
