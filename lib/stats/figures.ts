// The figures of DESIGN.md §3 — the ones the article reports — as sums of rollup metrics.
// Definitions (shown on the page as footnotes, same keys in the stats message files):
//   立案数 casesFiled          cases with filedAt in the period
//   破案 casesSolved           cases with solvedAt in the period
//   打掉团伙 gangsDismantled    gangs with dismantledAt in the period
//   抓获嫌疑人 suspectsArrested suspects with arrestedAt in the period
//   缴获物品 itemsSeized        sum of seized-item quantities (every type but CASH), seizedAt in the period
//   避免受骗 peopleDissuaded    warnings resolved in the period as DISSUADED, plus standalone counter
//                              interceptions (COUNTER_INTERCEPT, no warning) with result DISSUADED
//   止损 lossStopped           sum of DissuasionAction.amountProtected, occurredAt in the period, plus
//                              PartnerRequest.amountProtected (a bank's 止付/冻结 beyond what the request it
//                              follows held), answeredAt in the period
//   反诈中心直接劝阻 center…    the same two, counting only records of CENTER-kind units (the warning's
//                              unit, the action's unit)
//   追赃挽损 fundsRecovered     sum of FundRecovery.amount, recoveredAt in the period
//   APP注册 appRegistrations    sum of the daily APP_REGISTRATIONS counts in the period
//   处置预警 warningsHandled    warnings resolved in the period
//   96110预警电话 hotlineCalls  HOTLINE_CALL dissuasion actions, occurredAt in the period
//   96110咨询 consultationCalls sum of the daily CONSULTATION_CALLS counts in the period
//   受教 outreachAudience      sum of PublicityEvent.audienceCount, occurredOn in the period
//   劝阻人员 appWarned          people warned and dissuaded first in the period (one APP follow-up each)
//   其中已装APP appInstalled    …of those, with the 国家反诈中心APP recorded (at a visit or the follow-up)
// A unit's figures include its whole subtree.
import { LOSS_STOPPED_METRICS, metric, SEIZED_ITEM_METRICS } from "@/lib/stats/metrics";
import { changePercent, fromCents } from "@/lib/stats/decimal";
import { sumOf, type Totals } from "@/lib/stats/rollup";

export type FigureDef = {
  key: string;
  metrics: readonly string[];
  /** yuan (shown in 万元) or a count. */
  money?: boolean;
  /** Count only CENTER-kind units. */
  center?: boolean;
};

export const FIGURES = [
  { key: "casesFiled", metrics: [metric.casesFiled] },
  { key: "casesSolved", metrics: [metric.casesSolved] },
  { key: "gangsDismantled", metrics: [metric.gangs] },
  { key: "suspectsArrested", metrics: [metric.suspects] },
  { key: "itemsSeized", metrics: SEIZED_ITEM_METRICS },
  { key: "peopleDissuaded", metrics: [metric.resolvedAs("DISSUADED"), metric.intercepted] },
  { key: "lossStopped", metrics: LOSS_STOPPED_METRICS, money: true },
  { key: "centerPeopleDissuaded", metrics: [metric.resolvedAs("DISSUADED"), metric.intercepted], center: true },
  { key: "centerLossStopped", metrics: LOSS_STOPPED_METRICS, money: true, center: true },
  { key: "fundsRecovered", metrics: [metric.recovered], money: true },
  { key: "appRegistrations", metrics: [metric.daily("APP_REGISTRATIONS")] },
  { key: "warningsHandled", metrics: [metric.resolved] },
  { key: "hotlineCalls", metrics: [metric.action("HOTLINE_CALL")] },
  { key: "consultationCalls", metrics: [metric.daily("CONSULTATION_CALLS")] },
  { key: "outreachAudience", metrics: [metric.audience] },
  { key: "appWarned", metrics: [metric.app.warned] },
  { key: "appInstalled", metrics: [metric.app.installed] },
] as const satisfies readonly FigureDef[];

export type FigureKey = (typeof FIGURES)[number]["key"];
export const FIGURE_KEYS = FIGURES.map((f) => f.key) as FigureKey[];

/** Every metric the figures read. */
export const FIGURE_METRICS: readonly string[] = [...new Set(FIGURES.flatMap((f) => f.metrics))];

export function figureCents(def: FigureDef, totals: Totals): bigint {
  return sumOf(def.center ? totals.center : totals.all, def.metrics);
}

export type Figure = {
  key: FigureKey;
  kind: "count" | "money";
  /** Exact decimal string: a whole number for counts, yuan with two places for money. */
  value: string;
  previous: string;
  yearAgo: string;
  /** 同比: percentage change against the same period a year earlier; null when that was zero. */
  yoy: number | null;
  /** 环比: percentage change against the previous period; null when that was zero. */
  mom: number | null;
  /** The figure per trend bucket of the period (drawing only). */
  trend: number[];
};

export function buildFigure(def: FigureDef, cur: Totals, prev: Totals, ago: Totals, trend: readonly Totals[]): Figure {
  const value = figureCents(def, cur);
  const previous = figureCents(def, prev);
  const yearAgo = figureCents(def, ago);
  const whole = !def.money;
  return {
    key: def.key as FigureKey,
    kind: def.money ? "money" : "count",
    value: fromCents(value, { whole }),
    previous: fromCents(previous, { whole }),
    yearAgo: fromCents(yearAgo, { whole }),
    yoy: changePercent(value, yearAgo),
    mom: changePercent(value, previous),
    trend: trend.map((t) => Number(figureCents(def, t)) / 100),
  };
}
