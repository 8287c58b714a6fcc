// Rankings of branches and precincts for the period, with their rank in the previous period (环比)
// for the arrows. Definitions (also the page's footnotes):
//   SLA达标率 slaCompliance     1 − SLA breaches ÷ (3 × warnings received): every warning has three steps
//   劝阻成功率 dissuasionRate    warnings resolved DISSUADED ÷ (DISSUADED + ALREADY_DEFRAUDED)
//   上门劝阻 homeVisitRate       home visits per 100 CRITICAL and HIGH warnings received (a visit count,
//                              so it can pass 100 when people are visited more than once)
//   破案数 casesSolved, 止损 lossStopped (yuan)
//   每万人APP注册 appPer10k      app registrations ÷ residents × 10,000 (units with a known population)
//   回访率 revisitRate           revisits done ÷ revisits due in the period (by due day; cancelled ones are not due)
//   回访及时率 revisitTimeliness  revisits done by the end of their due day ÷ revisits due
//   装APP率 appShare             people warned and dissuaded in the period with the 国家反诈中心APP recorded ÷ those people
// A branch's value covers its whole subtree. Ties share a rank; units without a value are unranked;
// when a period holds nothing at all for a ranking, nobody has a rank in it (—).
import { centsToNumber, fromCents } from "@/lib/stats/decimal";
import { LOSS_STOPPED_METRICS, metric, RISKS, SLA_STEPS } from "@/lib/stats/metrics";
import { readRollup, sumOf, totalsOf } from "@/lib/stats/rollup";
import { isUnder } from "@/lib/units/jurisdiction";
import { resolveStatsScope, type StatsUnit } from "@/lib/stats/scope";
import type { StatsContext } from "@/lib/stats/summary";

export const RANKING_KEYS = ["slaCompliance", "dissuasionRate", "homeVisitRate", "casesSolved", "lossStopped", "appPer10k", "revisitRate", "revisitTimeliness", "appShare"] as const;
export type RankingKey = (typeof RANKING_KEYS)[number];
export type RankingKind = "percent" | "count" | "money" | "decimal";
export const RANKING_KIND: Record<RankingKey, RankingKind> = {
  slaCompliance: "percent", dissuasionRate: "percent", homeVisitRate: "decimal", casesSolved: "count", lossStopped: "money", appPer10k: "decimal",
  revisitRate: "percent", revisitTimeliness: "percent", appShare: "percent",
};

const METRICS = [
  ...RISKS.map(metric.received), ...SLA_STEPS.map(metric.breached), metric.resolvedAs("DISSUADED"), metric.resolvedAs("ALREADY_DEFRAUDED"),
  metric.action("HOME_VISIT"), metric.casesSolved, ...LOSS_STOPPED_METRICS, metric.daily("APP_REGISTRATIONS"), ...Object.values(metric.revisits), ...Object.values(metric.app),
];

const rate = (num: bigint, den: bigint): number | null => (den === 0n ? null : Math.round((Number(num) / Number(den)) * 10_000) / 100);

/** The ranking values of one unit from its subtree's totals; null where there is nothing to divide by. */
export function rankingValues(t: ReadonlyMap<string, bigint>, population: number | null): Record<RankingKey, number | null> {
  const received = sumOf(t, RISKS.map(metric.received));
  const breaches = sumOf(t, SLA_STEPS.map(metric.breached));
  const dissuaded = sumOf(t, [metric.resolvedAs("DISSUADED")]);
  const app = sumOf(t, [metric.daily("APP_REGISTRATIONS")]);
  return {
    slaCompliance: received === 0n ? null : Math.max(0, Math.round((1 - Number(breaches) / Number(received * 3n)) * 10_000) / 100),
    dissuasionRate: rate(dissuaded, dissuaded + sumOf(t, [metric.resolvedAs("ALREADY_DEFRAUDED")])),
    homeVisitRate: rate(sumOf(t, [metric.action("HOME_VISIT")]), sumOf(t, [metric.received("CRITICAL"), metric.received("HIGH")])),
    casesSolved: Number(sumOf(t, [metric.casesSolved]) / 100n),
    lossStopped: centsToNumber(sumOf(t, LOSS_STOPPED_METRICS)),
    appPer10k: population ? Math.round((Number(app) / 100 / population) * 10_000 * 100) / 100 : null,
    revisitRate: rate(sumOf(t, [metric.revisits.done]), sumOf(t, [metric.revisits.due])),
    revisitTimeliness: rate(sumOf(t, [metric.revisits.onTime]), sumOf(t, [metric.revisits.due])),
    appShare: rate(sumOf(t, [metric.app.installed]), sumOf(t, [metric.app.warned])),
  };
}

export type RankingRow = {
  code: string;
  name: string;
  value: number | null;
  /** Exact yuan for lossStopped. */
  exact?: string;
  rank: number | null;
  previousRank: number | null;
};
export type Ranking = { key: RankingKey; rows: RankingRow[] };
export type StatsRankings = { branches: Ranking[]; precincts: Ranking[]; precinctScope: { code: string; name: string } };

/**
 * Competition ranking (1, 2, 2, 4) by value, highest first; null values unranked. A period with
 * nothing in it ranks nobody: ties at 0 would read as every unit first (the wall lights rank 1),
 * or, as the previous period, as every unit falling.
 */
export function rankOf(values: readonly (number | null)[]): (number | null)[] {
  if (!values.some((v) => v !== null && v !== 0)) return values.map(() => null);
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v).length));
}

export async function getStatsRankings(ctx: StatsContext): Promise<StatsRankings> {
  const { scope, period } = ctx;
  // A precinct is ranked among the precincts of its branch.
  const scopeUnit = scope.unit.kind === "PRECINCT" ? scope.breadcrumb[scope.breadcrumb.length - 2] ?? scope.unit : scope.unit;
  const rows = await readRollup({
    unitPath: scopeUnit.path,
    metrics: METRICS,
    ranges: [{ key: "current", range: period.current }, { key: "previous", range: period.previous }],
    byUnit: true,
  });
  const all = await subtreeOf(ctx, scopeUnit);
  const pathOf = new Map(all.map((u) => [u.id, u.path]));
  const level = (kind: StatsUnit["kind"]) => all.filter((u) => u.kind === kind && u.active);
  const build = (units: StatsUnit[]): Ranking[] => {
    const totals = (key: string) => units.map((u) => totalsOf(rows, (r) => r.key === key && isUnder(pathOf.get(r.unitId!) ?? "", u.path)).all);
    const cur = totals("current").map((t, i) => ({ t, v: rankingValues(t, units[i]!.population) }));
    const prev = totals("previous").map((t, i) => rankingValues(t, units[i]!.population));
    return RANKING_KEYS.map((key) => {
      const ranks = rankOf(cur.map((c) => c.v[key]));
      const prevRanks = rankOf(prev.map((p) => p[key]));
      const list = units.map((u, i) => ({
        code: u.code, name: u.name, value: cur[i]!.v[key], rank: ranks[i]!, previousRank: prevRanks[i]!,
        ...(key === "lossStopped" ? { exact: fromCents(sumOf(cur[i]!.t, LOSS_STOPPED_METRICS)) } : {}),
      }));
      list.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
      return { key, rows: list };
    });
  };
  const branches = level("BRANCH");
  const precincts = level("PRECINCT");
  return {
    branches: branches.length > 1 ? build(branches) : [],
    precincts: precincts.length > 1 ? build(precincts) : [],
    precinctScope: { code: scopeUnit.code, name: scopeUnit.name },
  };
}

async function subtreeOf(ctx: StatsContext, unit: StatsUnit): Promise<StatsUnit[]> {
  if (unit.id === ctx.scope.unit.id) return ctx.scope.subtree;
  // The unit is on the breadcrumb, so inside the actor's jurisdiction.
  return (await resolveStatsScope({ scopePath: unit.path })).subtree;
}
