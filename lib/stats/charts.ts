// The chart data of the statistics page, all from the rollups: warnings by risk over time, the
// warning funnel, SLA compliance by step, 止损 and 追赃挽损 over time, the case pipeline and its
// approval step times, seized items by type, outreach by month and fraud types ranked.
import { centsToNumber, ratioPercent } from "@/lib/stats/decimal";
import { FRAUD_TYPES, LOSS_STOPPED_METRICS, metric, OUTCOMES, RISKS, SEIZED_TYPES, SLA_STEPS } from "@/lib/stats/metrics";
import { bucketsOf, type Bucket } from "@/lib/stats/periods";
import { readRollup, sumOf, totalsOf, type RollupRow } from "@/lib/stats/rollup";
import type { StatsContext } from "@/lib/stats/summary";

const SERIES_METRICS = [
  ...RISKS.map(metric.received), ...LOSS_STOPPED_METRICS, metric.recovered, metric.casesFiled, metric.casesSolved, metric.casesProsecuted,
];
const TOTAL_METRICS = [
  ...Object.values(metric.funnel), ...OUTCOMES.map(metric.cohort), ...SLA_STEPS.map(metric.breached),
  metric.submitted, metric.submitMinutes, metric.approved, metric.approveMinutes, ...SEIZED_TYPES.map(metric.seized),
  ...FRAUD_TYPES.map(metric.warningFraud), ...FRAUD_TYPES.map(metric.caseFraud),
];
const OUTREACH_METRICS = [metric.audience, metric.daily("APP_REGISTRATIONS")];

/** The funnel's stages, each a subset of the one before (metric.funnel). */
export const FUNNEL_STAGES = ["received", "acknowledged", "contacted", "resolved", "dissuaded"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export type StatsCharts = {
  buckets: Bucket[];
  /** The bucket holding today (period.partial): its points are marked 未完 on trend charts. */
  partial: string | null;
  /** The month of `outreach` still running, when the period is (the last month bucket). */
  partialMonth: string | null;
  warningsByRisk: ({ bucket: string } & Record<(typeof RISKS)[number], number>)[];
  funnel: { stage: FunnelStage; count: number }[];
  /** How the period's warnings were resolved, by outcome (not nested: a breakdown of the resolved). */
  outcomes: { outcome: (typeof OUTCOMES)[number]; count: number }[];
  sla: { step: (typeof SLA_STEPS)[number]; received: number; breached: number; compliance: number | null }[];
  money: { bucket: string; lossStopped: number; fundsRecovered: number }[];
  pipeline: { bucket: string; filed: number; solved: number; prosecuted: number }[];
  /** Average hours from report to submission for approval, and from submission to filing. */
  stepHours: { submit: number | null; approve: number | null; submitted: number; approved: number };
  seized: { type: (typeof SEIZED_TYPES)[number]; quantity: number }[];
  outreach: { month: string; audience: number; appRegistrations: number }[];
  fraudTypes: { type: (typeof FRAUD_TYPES)[number]; warnings: number; cases: number }[];
};

const whole = (c: bigint) => Number(c / 100n);

export async function getStatsCharts(ctx: StatsContext): Promise<StatsCharts> {
  const { scope, period } = ctx;
  const monthly = period.granularity === "month";
  const rows = await readRollup({
    unitPath: scope.unit.path,
    metrics: [...SERIES_METRICS, ...TOTAL_METRICS, ...OUTREACH_METRICS],
    ranges: [
      { key: "series", range: period.current, bucket: period.granularity },
      ...(monthly ? [] : [{ key: "months", range: period.current, bucket: "month" as const }]),
    ],
  });
  const series = rows.filter((r) => r.key === "series");
  const byBucket = (list: readonly RollupRow[], buckets: readonly Bucket[]) => {
    const groups = new Map<string, RollupRow[]>();
    for (const r of list) {
      const g = groups.get(r.bucket!);
      if (g) g.push(r);
      else groups.set(r.bucket!, [r]);
    }
    return buckets.map((b) => ({ bucket: b.key, t: totalsOf(groups.get(b.key) ?? [], () => true).all }));
  };
  const points = byBucket(series, period.buckets);
  const total = totalsOf(series, () => true).all;
  const n = (m: string) => whole(total.get(m) ?? 0n);
  const received = RISKS.reduce((s, r) => s + n(metric.received(r)), 0);
  const hours = (minutes: string, cnt: string) => (n(cnt) ? Math.round((centsToNumber(total.get(minutes) ?? 0n) / n(cnt) / 60) * 10) / 10 : null);
  const months = byBucket(monthly ? series : rows.filter((r) => r.key === "months"), bucketsOf(period.current, "month"));

  return {
    buckets: period.buckets,
    partial: period.partial,
    partialMonth: period.partial === null ? null : (months.at(-1)?.bucket.slice(0, 7) ?? null),
    warningsByRisk: points.map(({ bucket, t }) => ({ bucket, ...Object.fromEntries(RISKS.map((r) => [r, whole(t.get(metric.received(r)) ?? 0n)])) }) as StatsCharts["warningsByRisk"][number]),
    funnel: FUNNEL_STAGES.map((stage) => ({ stage, count: stage === "received" ? received : n(metric.funnel[stage]) })),
    outcomes: OUTCOMES.map((outcome) => ({ outcome, count: n(metric.cohort(outcome)) })),
    sla: SLA_STEPS.map((step) => {
      const breached = n(metric.breached(step));
      return { step, received, breached, compliance: received ? Math.max(0, 100 - (ratioPercent(BigInt(breached), BigInt(received)) ?? 0)) : null };
    }),
    money: points.map(({ bucket, t }) => ({ bucket, lossStopped: centsToNumber(sumOf(t, LOSS_STOPPED_METRICS)), fundsRecovered: centsToNumber(t.get(metric.recovered) ?? 0n) })),
    pipeline: points.map(({ bucket, t }) => ({
      bucket, filed: whole(t.get(metric.casesFiled) ?? 0n), solved: whole(t.get(metric.casesSolved) ?? 0n), prosecuted: whole(t.get(metric.casesProsecuted) ?? 0n),
    })),
    stepHours: { submit: hours(metric.submitMinutes, metric.submitted), approve: hours(metric.approveMinutes, metric.approved), submitted: n(metric.submitted), approved: n(metric.approved) },
    seized: SEIZED_TYPES.map((type) => ({ type, quantity: n(metric.seized(type)) })).sort((a, b) => b.quantity - a.quantity),
    outreach: months.map(({ bucket, t }) => ({ month: bucket.slice(0, 7), audience: whole(t.get(metric.audience) ?? 0n), appRegistrations: whole(sumOf(t, [metric.daily("APP_REGISTRATIONS")])) })),
    fraudTypes: FRAUD_TYPES.map((type) => ({ type, warnings: n(metric.warningFraud(type)), cases: n(metric.caseFraud(type)) })).sort((a, b) => b.warnings - a.warnings || b.cases - a.cases),
  };
}
