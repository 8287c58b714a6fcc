// The big screen (大屏) of a jurisdiction: today's figures with 同比, open and overdue work, SLA
// breaches and today's warnings by unit (with the unit map's shapes), surging fraud types, the
// week's fraud-type trend, rankings and a masked feed of the latest warnings. Aggregates from the rollups (lib/stats/rollup.ts); the open-work counts and
// the feed are indexed reads of at most a few rows. No personal data: the feed carries fraud type,
// risk, unit and age group only.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { FraudType, RiskLevel } from "@/lib/generated/prisma/enums";
import { openWork } from "@/lib/handover/board";
import { ageGroupOf, type AgeGroup } from "@/lib/profiles/dimensions";
import { changePercent, fromCents } from "@/lib/stats/decimal";
import { FRAUD_TYPES, LOSS_STOPPED_METRICS, metric, RISKS, SLA_STEPS } from "@/lib/stats/metrics";
import { addYears, bucketsOf, resolvePeriod } from "@/lib/stats/periods";
import { getStatsRankings, type RankingKey } from "@/lib/stats/rankings";
import { readRollup, sumOf, totalsOf, type RollupRow } from "@/lib/stats/rollup";
import { statsQuerySchema } from "@/lib/stats/schemas";
import { byKindThenCode, resolveStatsScope, type StatsUnit } from "@/lib/stats/scope";
import { addDays, chinaToday } from "@/lib/time/china";
import { mapShapesOf } from "@/lib/map/queries";
import type { MapShapes } from "@/lib/map/shapes";
import { surgeRule, surgesOfUnit } from "@/lib/profiles/surge";
import { isUnder } from "@/lib/units/jurisdiction";

const RECEIVED = RISKS.map(metric.received);
const DISSUADED = [metric.resolvedAs("DISSUADED"), metric.intercepted];
const BREACHES = SLA_STEPS.map(metric.breached);
const FRAUD = FRAUD_TYPES.map(metric.warningFraud);

export const WALL_FIGURES = ["warnings", "open", "overdue", "dissuaded", "lossStopped"] as const;
export type WallFigureKey = (typeof WALL_FIGURES)[number];
export type WallFigure = {
  key: WallFigureKey;
  kind: "count" | "money";
  /** Exact decimal: a whole number for counts, yuan with two places for money. */
  value: string;
  /** The same day a year ago, for the figures of a day (null: a state now, no 同比). */
  yearAgo: string | null;
  /** 同比 in %, null when there is none or the year-ago figure was zero. */
  yoy: number | null;
};

/** One line of the live feed: what, how risky, where, whom (by age group) and when. Nothing else. */
export type WallFeedItem = { key: string; fraudType: FraudType; risk: RiskLevel; unit: string; ageGroup: AgeGroup; receivedAt: string };
export type WallUnitValue = { code: string; name: string; value: number };
/** A surging fraud type: warnings of the last 7 days and the mean of the same windows before. */
export type WallSurge = { fraudType: FraudType; count: number; usual: number };
export type WallRanking = { key: RankingKey; rows: { code: string; name: string; value: number | null; rank: number | null }[] };

export type WallBoard = {
  unit: { code: string; name: string };
  today: string;
  generatedAt: string;
  figures: WallFigure[];
  /** SLA breaches of the last 7 days by child unit, most first. */
  breaches: WallUnitValue[];
  /** Today's warnings by child unit (the counties and districts of a city; a precinct: itself), most first. */
  warningsByUnit: WallUnitValue[];
  /** The map of those units: uploaded boundaries when the city has them, else the schematic. */
  mapShapes: MapShapes;
  /** Fraud types surging now (lib/profiles/surge.ts): the last 7 days against the usual level. */
  surges: WallSurge[];
  /** The last 7 days' warnings of the week's top fraud types, per day. */
  trend: { types: FraudType[]; days: ({ day: string } & Partial<Record<FraudType, number>>)[] };
  /** This month's branch rankings (the 分局/县局 of a city). */
  rankings: WallRanking[];
  feed: WallFeedItem[];
};

const FEED_SIZE = 12;
const TREND_TYPES = 5;
const RANKED: readonly RankingKey[] = ["slaCompliance", "dissuasionRate", "lossStopped"];
const whole = (c: bigint) => Number(c / 100n);

/** The latest warnings of the jurisdiction, newest first, masked to what the wall may show. */
async function feedOf(unitIds: string[], take = FEED_SIZE): Promise<WallFeedItem[]> {
  const rows = await getDb().warning.findMany({
    where: { unitId: { in: unitIds } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, fraudType: true, riskLevel: true, victimAge: true, receivedAt: true, unit: { select: { name: true } } },
  });
  // The key tells rows apart on the screen; it is not the warning's id (the wall opens no record).
  return rows.map((r, i) => ({
    key: `${r.receivedAt.getTime()}-${i}`, fraudType: r.fraudType, risk: r.riskLevel, unit: r.unit.name,
    ageGroup: ageGroupOf(r.victimAge), receivedAt: r.receivedAt.toISOString(),
  }));
}

function byChild(rows: readonly RollupRow[], children: readonly StatsUnit[], subtree: readonly StatsUnit[], metrics: readonly string[]): WallUnitValue[] {
  const pathOf = new Map(subtree.map((u) => [u.id, u.path]));
  return children
    .map((c) => ({ code: c.code, name: c.name, value: whole(sumOf(totalsOf(rows, (r) => isUnder(pathOf.get(r.unitId!) ?? "", c.path)).all, metrics)) }))
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
}

/** The wall of the actor's jurisdiction at `now`. */
export async function wallBoard(actor: Pick<Actor, "scopePath">, now = new Date()): Promise<WallBoard> {
  const today = chinaToday(now);
  const yearAgo = addYears(today, -1);
  const week = { from: addDays(today, -6), to: today };
  const scope = await resolveStatsScope(actor);
  const unitIds = scope.subtree.map((u) => u.id);
  const children = scope.children.filter((c) => c.kind !== "CENTER" && c.active).sort(byKindThenCode);
  // The map's areas: the children, or a precinct itself (a 反诈中心 has no territory).
  const areas = children.length ? children : scope.unit.kind === "CENTER" ? [] : [scope.unit];
  const month = { scope, period: resolvePeriod(statsQuerySchema.parse({ period: "month" }), today) };

  const [totals, byUnit, work, feed, rankings, map, surges] = await Promise.all([
    readRollup({
      unitPath: scope.unit.path,
      metrics: [...RECEIVED, ...DISSUADED, ...LOSS_STOPPED_METRICS, ...FRAUD],
      ranges: [{ key: "today", range: { from: today, to: today } }, { key: "ago", range: { from: yearAgo, to: yearAgo } }, { key: "week", range: week, bucket: "day" }],
    }),
    readRollup({
      unitPath: scope.unit.path,
      metrics: [...RECEIVED, ...BREACHES],
      ranges: [{ key: "today", range: { from: today, to: today } }, { key: "week", range: week }],
      byUnit: true,
    }),
    openWork(getDb(), unitIds, now),
    feedOf(unitIds),
    children.length > 1 ? getStatsRankings(month) : null,
    mapShapesOf(scope.unit.path, areas),
    surgesOfUnit(scope.unit.id, now, surgeRule()),
  ]);

  const cur = totalsOf(totals, (r) => r.key === "today").all;
  const ago = totalsOf(totals, (r) => r.key === "ago").all;
  const daily = (key: WallFigureKey, metrics: readonly string[], money = false): WallFigure => {
    const v = sumOf(cur, metrics);
    const a = sumOf(ago, metrics);
    return { key, kind: money ? "money" : "count", value: fromCents(v, { whole: !money }), yearAgo: fromCents(a, { whole: !money }), yoy: changePercent(v, a) };
  };
  const state = (key: WallFigureKey, n: number): WallFigure => ({ key, kind: "count", value: String(n), yearAgo: null, yoy: null });

  const weekRows = totals.filter((r) => r.key === "week");
  const weekTotals = totalsOf(weekRows, () => true).all;
  const types = FRAUD_TYPES
    .map((t) => ({ t, n: whole(weekTotals.get(metric.warningFraud(t)) ?? 0n) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, TREND_TYPES)
    .map((x) => x.t);
  const days = bucketsOf(week, "day").map((b) => {
    const t = totalsOf(weekRows, (r) => r.bucket === b.key).all;
    return { day: b.key, ...Object.fromEntries(types.map((type) => [type, whole(t.get(metric.warningFraud(type)) ?? 0n)])) };
  });

  return {
    unit: { code: scope.unit.code, name: scope.unit.name },
    today,
    generatedAt: now.toISOString(),
    figures: [
      daily("warnings", RECEIVED),
      state("open", work.open),
      state("overdue", work.overdue),
      daily("dissuaded", DISSUADED),
      // 止损 as the statistics count it: dissuasions and the banks' stop-payments and freezes.
      daily("lossStopped", LOSS_STOPPED_METRICS, true),
    ],
    breaches: byChild(byUnit.filter((r) => r.key === "week"), children, scope.subtree, BREACHES),
    warningsByUnit: byChild(byUnit.filter((r) => r.key === "today"), areas, scope.subtree, RECEIVED),
    mapShapes: map.shapes,
    surges: surges.map((x) => ({ fraudType: x.fraudType, count: x.count, usual: Math.round(x.mean) })),
    trend: { types, days },
    rankings: (rankings?.branches ?? [])
      .filter((r) => RANKED.includes(r.key))
      .map((r) => ({ key: r.key, rows: r.rows.slice(0, 5).map(({ code, name, value, rank }) => ({ code, name, value, rank })) })),
    feed,
  };
}
