// The fraud-type surge alert (issue 17 item 3). A fraud type surges when its warnings of the last
// 7 China days (today included) reach
//     threshold = mean + z × max(sd, √max(mean, 1))
// of the same 7-day windows over the previous `weeks` weeks (mean and population sd of those
// counts), and at least `minCount`. The √mean floor is the Poisson spread: a flat baseline (sd 0)
// does not flag a change of one or two. Defaults z = 3, minCount = 10, weeks = 8 (env SURGE_Z,
// SURGE_MIN_COUNT, SURGE_BASELINE_WEEKS). Read from profile_daily (dim age_fraud) of one unit:
// 63 days × at most 66 keys, whatever the number of warnings.
import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, readFromReplica } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit, type AuditActor } from "@/lib/audit/write-audit";
import type { FraudType } from "@/lib/generated/prisma/enums";
import { addDays, chinaToday } from "@/lib/time/china";
import { startOfWeek, type DayRange } from "@/lib/stats/periods";
import { resolveStatsScope } from "@/lib/stats/scope";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { AGE_GROUPS, PROFILE_FRAUD_TYPES, type AgeGroup } from "@/lib/profiles/dimensions";

export type SurgeRule = { z: number; minCount: number; weeks: number };
export const DEFAULT_SURGE_RULE: SurgeRule = { z: 3, minCount: 10, weeks: 8 };

export function surgeRule(): SurgeRule {
  const e = env();
  return { z: e.SURGE_Z ?? DEFAULT_SURGE_RULE.z, minCount: e.SURGE_MIN_COUNT ?? DEFAULT_SURGE_RULE.minCount, weeks: e.SURGE_BASELINE_WEEKS ?? DEFAULT_SURGE_RULE.weeks };
}

export type SurgeVerdict = { mean: number; sd: number; threshold: number; surging: boolean };

/** The rule on one type's counts: `current` this window, `baseline` the previous windows. */
export function judgeSurge(current: number, baseline: readonly number[], rule: SurgeRule): SurgeVerdict {
  const k = baseline.length || 1;
  const mean = baseline.reduce((s, v) => s + v, 0) / k;
  const sd = Math.sqrt(baseline.reduce((s, v) => s + (v - mean) ** 2, 0) / k);
  const threshold = mean + rule.z * Math.max(sd, Math.sqrt(Math.max(mean, 1)));
  // A hair of tolerance: a count exactly at the threshold counts as reaching it.
  return { mean, sd, threshold, surging: current >= rule.minCount && current >= threshold - 1e-9 };
}

export type FraudTypeSurge = {
  fraudType: FraudType;
  /** Warnings of the window (the last 7 days, today included). */
  count: number;
  mean: number;
  sd: number;
  threshold: number;
  /** The window's most targeted age group for this type (unknown ages last). */
  topAgeGroup: AgeGroup;
  window: DayRange;
};

/** The 7-day window ending `today`, and the `weeks` windows before it (most recent first). */
export function surgeWindows(today: string, weeks: number): { current: DayRange; baseline: DayRange[] } {
  const win = (end: string): DayRange => ({ from: addDays(end, -6), to: end });
  return { current: win(today), baseline: Array.from({ length: weeks }, (_, i) => win(addDays(today, -7 * (i + 1)))) };
}

/**
 * The fraud types surging in a scope: the top of the caller's jurisdiction, or `unitCode` within
 * it (404 outside). Aggregates only. The big screen and the statistics overview call it.
 */
export async function fraudTypeSurges(
  scope: Pick<Actor, "scopePath"> & { unitCode?: string },
  now: Date = new Date(),
  rule: SurgeRule = surgeRule(),
): Promise<FraudTypeSurge[]> {
  const { unit } = await resolveStatsScope(scope, scope.unitCode);
  return surgesOfUnit(unit.id, now, rule);
}

export async function surgesOfUnit(unitId: string, now: Date, rule: SurgeRule): Promise<FraudTypeSurge[]> {
  const { current, baseline } = surgeWindows(chinaToday(now), rule.weeks);
  const span = { from: baseline.at(-1)?.from ?? current.from, to: current.to };
  // Day by day (no month split): the windows need daily counts.
  const rows = await readFromReplica((db) => db.$queryRaw<{ day: string; key: string; n: number }[]>`
    SELECT day::text AS day, key, count AS n FROM profile_daily
    WHERE "unitId" = ${unitId}::uuid AND dim = 'age_fraud' AND day BETWEEN ${span.from}::date AND ${span.to}::date AND count <> 0`);
  const windowOf = (day: string) => (day >= current.from ? 0 : Math.floor((Date.parse(current.from) - Date.parse(day) - 1) / (7 * 86_400_000)) + 1);
  const counts = new Map<FraudType, number[]>(PROFILE_FRAUD_TYPES.map((t) => [t, Array(rule.weeks + 1).fill(0)]));
  const ages = new Map<FraudType, Map<AgeGroup, number>>();
  for (const r of rows) {
    const [age, type] = r.key.split("|") as [AgeGroup, FraudType];
    const w = windowOf(r.day);
    const list = counts.get(type);
    if (!list || w > rule.weeks) continue;
    list[w]! += r.n;
    if (w === 0) {
      const m = ages.get(type) ?? new Map<AgeGroup, number>();
      m.set(age, (m.get(age) ?? 0) + r.n);
      ages.set(type, m);
    }
  }
  const out: FraudTypeSurge[] = [];
  for (const [fraudType, [count = 0, ...base]] of counts) {
    const v = judgeSurge(count, base, rule);
    if (!v.surging) continue;
    const byAge = ages.get(fraudType) ?? new Map();
    const topAgeGroup = [...AGE_GROUPS].sort((a, b) => (a === "unknown" ? 1 : 0) - (b === "unknown" ? 1 : 0) || (byAge.get(b) ?? 0) - (byAge.get(a) ?? 0))[0]!;
    out.push({ fraudType, count, mean: round1(v.mean), sd: round1(v.sd), threshold: round1(v.threshold), topAgeGroup, window: current });
  }
  return out.sort((a, b) => b.count / Math.max(b.threshold, 1) - a.count / Math.max(a.threshold, 1));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export const SURGE_NOTIFICATION = "fraud_surge";
/** One notification per city, fraud type and week (Monday of the China week). */
export const surgeKey = (cityCode: string, type: FraudType, today: string) => `surge:${cityCode}:${type}:${startOfWeek(today)}`;

/**
 * The periodic check (the scheduler calls it; `now` injectable for tests): for each city, its
 * surging fraud types notify the duty chiefs — active users of the city's CITY or CENTER units
 * holding warnings:triage (the command hall's dispatchers, by role or grant) — once per type and
 * week (unique notification key), audited as stats.surge.flagged.
 */
export async function flagFraudSurges(now: Date = new Date(), rule: SurgeRule = surgeRule()): Promise<number> {
  const db = getDb();
  const system: AuditActor = { ip: null, requestId: randomUUID(), name: "scheduler" };
  const today = chinaToday(now);
  const cities = await db.unit.findMany({ where: { parentId: null, active: true }, select: { id: true, code: true, path: true } });
  let flagged = 0;
  for (const city of cities) {
    const surges = await surgesOfUnit(city.id, now, rule);
    if (surges.length === 0) continue;
    const chiefs = await dutyChiefs(city.path);
    if (chiefs.length === 0) continue;
    for (const s of surges) {
      const key = surgeKey(city.code, s.fraudType, today);
      const data = { fraudType: s.fraudType, count: String(s.count), threshold: String(s.threshold), ageGroup: s.topAgeGroup, week: startOfWeek(today) };
      flagged += await db.$transaction(async (tx) => {
        const { count } = await tx.notification.createMany({
          data: chiefs.map((userId) => ({ userId, kind: SURGE_NOTIFICATION, dedupeKey: key, entityType: "FraudSurge", data })),
          skipDuplicates: true,
        });
        if (count === 0) return 0;
        await writeAudit(tx, system, { action: "stats.surge.flagged", success: true, entityType: "stats", entityId: city.code, details: { ...data, mean: s.mean, sd: s.sd, recipients: count } });
        return 1;
      });
    }
  }
  return flagged;
}

/** The duty chiefs of a city: active command-hall users (CITY or CENTER unit) who triage warnings. */
export async function dutyChiefs(cityPath: string): Promise<string[]> {
  const users = await getDb().user.findMany({
    where: {
      active: true,
      OR: [{ role: "DISPATCHER" }, { grants: { has: "warnings:triage" } }],
      unit: { AND: [{ kind: { in: ["CITY", "CENTER"] } }, unitSubtree(cityPath)] },
    },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/** The surges of a statistics view's unit as of now, with the rule in force (the pages show both). */
export async function surgesOfView(unitId: string, now: Date = new Date()): Promise<{ surges: FraudTypeSurge[]; rule: SurgeRule }> {
  const rule = surgeRule();
  return { surges: await surgesOfUnit(unitId, now, rule), rule };
}
