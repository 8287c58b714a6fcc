import type { ReactElement } from "react";
import { getTranslations } from "next-intl/server";
import { StatsChart, type ChartRow } from "@/components/stats/stats-chart";
import type { StatsCharts } from "@/lib/stats/charts";
import { RISKS } from "@/lib/stats/metrics";
import type { Bucket, Granularity } from "@/lib/stats/periods";

export const RISK_COLORS = { CRITICAL: "#b91c1c", HIGH: "#f97316", MEDIUM: "#eab308", LOW: "#3b82f6" } as const;

/** "11-29" for days, "11-23–11-29" for weeks, "2025-03" for months. */
export function bucketLabel(b: Bucket, g: Granularity): string {
  if (g === "month") return b.key.slice(0, 7);
  if (g === "day") return b.key.slice(5);
  return `${b.from.slice(5)}–${b.to.slice(5)}`;
}

export type PanelKey = "warningsByRisk" | "funnel" | "outcomes" | "sla" | "money" | "pipeline" | "stepTimes" | "seized" | "outreach" | "fraudTypes";

/** Every chart of the statistics page, or the ones asked for (the bulletin), fixed-size when printing. */
export async function ChartPanels({ data, granularity, only, width }: { data: StatsCharts; granularity: Granularity; only?: PanelKey[]; width?: number }) {
  const t = await getTranslations("stats");
  const c = (k: string) => t(`charts.${k}`);
  const labels = { chart: c("showChart"), table: c("showTable"), view: c("viewLabel"), empty: c("empty"), partial: c("partialNote") };
  // The bucket holding today is still running: its label says so (未完), its line is dashed.
  const label = new Map(data.buckets.map((b) => [b.key, `${bucketLabel(b, granularity)}${b.key === data.partial ? `（${c("partial")}）` : ""}`]));
  const partialAt = data.partial === null ? undefined : data.buckets.findIndex((b) => b.key === data.partial);
  const common = { labels, width, toggle: !width };
  const trend = { ...common, partialAt };
  const panels: Record<PanelKey, () => ReactElement> = {
    warningsByRisk: () => (
      <StatsChart {...trend} testId="chart-warnings" title={c("warningsByRisk")} kind="bar" stacked xKey="period" xLabel={c("period")}
        rows={data.warningsByRisk.map((r) => ({ ...r, period: label.get(r.bucket) ?? r.bucket }))}
        series={RISKS.map((r) => ({ key: r, name: t(`risk.${r}`), color: RISK_COLORS[r] }))} />
    ),
    funnel: () => (
      <StatsChart {...common} testId="chart-funnel" title={c("funnel")} kind="hbar" xKey="stage" xLabel={c("stage")}
        rows={data.funnel.map((f) => ({ stage: c(`funnelStages.${f.stage}`), count: f.count }))} series={[{ key: "count", name: c("count"), color: "#1d4ed8" }]} />
    ),
    outcomes: () => (
      <StatsChart {...common} testId="chart-outcomes" title={c("outcomes")} kind="hbar" xKey="outcome" xLabel={c("outcome")}
        rows={data.outcomes.map((o) => ({ outcome: c(`outcomeNames.${o.outcome}`), count: o.count }))} series={[{ key: "count", name: c("count"), color: "#0f766e" }]} />
    ),
    sla: () => (
      <StatsChart {...common} testId="chart-sla" title={c("sla")} kind="bar" decimals={2} xKey="step" xLabel={c("step")}
        rows={data.sla.map((s) => ({ step: t(`steps.${s.step}`), compliance: s.compliance, breached: s.breached, received: s.received }))}
        series={[{ key: "compliance", name: c("compliance"), color: "#15803d" }]} />
    ),
    money: () => (
      <StatsChart {...trend} testId="chart-money" title={c("money")} kind="line" decimals={2} xKey="period" xLabel={c("period")}
        rows={data.money.map((m) => ({ period: label.get(m.bucket) ?? m.bucket, lossStopped: m.lossStopped / 10_000, fundsRecovered: m.fundsRecovered / 10_000 }))}
        series={[{ key: "lossStopped", name: c("lossStopped"), color: "#1d4ed8" }, { key: "fundsRecovered", name: c("fundsRecovered"), color: "#15803d" }]} />
    ),
    pipeline: () => (
      <StatsChart {...trend} testId="chart-pipeline" title={c("pipeline")} kind="bar" xKey="period" xLabel={c("period")}
        rows={data.pipeline.map((p) => ({ ...p, period: label.get(p.bucket) ?? p.bucket }))}
        series={[{ key: "filed", name: c("filed"), color: "#64748b" }, { key: "solved", name: c("solved"), color: "#1d4ed8" }, { key: "prosecuted", name: c("prosecuted"), color: "#15803d" }]} />
    ),
    stepTimes: () => (
      <StatsChart {...common} testId="chart-steps" title={c("stepTimes")} kind="hbar" decimals={1} xKey="step" xLabel={c("stage")}
        rows={[
          { step: c("submitStep"), hours: data.stepHours.submit, cases: data.stepHours.submitted },
          { step: c("approveStep"), hours: data.stepHours.approve, cases: data.stepHours.approved },
        ] satisfies ChartRow[]}
        series={[{ key: "hours", name: c("hours"), color: "#7c3aed" }]} />
    ),
    seized: () => (
      <StatsChart {...common} testId="chart-seized" title={c("seized")} kind="hbar" xKey="type" xLabel={c("type")}
        rows={data.seized.map((s) => ({ type: t(`seizedTypes.${s.type}`), quantity: s.quantity }))}
        series={[{ key: "quantity", name: c("quantity"), color: "#0f766e" }]} />
    ),
    outreach: () => (
      <StatsChart {...common} partialAt={data.partialMonth ? data.outreach.findIndex((o) => o.month === data.partialMonth) : undefined}
        testId="chart-outreach" title={c("outreach")} kind="bar" xKey="month" xLabel={c("month")}
        rows={data.outreach.map((o) => ({ ...o, month: o.month === data.partialMonth ? `${o.month}（${c("partial")}）` : o.month }))} series={[{ key: "audience", name: c("audience"), color: "#f59e0b" }, { key: "appRegistrations", name: c("appRegistrations"), color: "#1d4ed8" }]} />
    ),
    fraudTypes: () => (
      <StatsChart {...common} testId="chart-fraud" title={c("fraudTypes")} kind="hbar" xKey="type" xLabel={c("type")} height={340}
        rows={data.fraudTypes.map((f) => ({ type: t(`fraudTypes.${f.type}`), warnings: f.warnings, cases: f.cases }))}
        series={[{ key: "warnings", name: c("warnings"), color: "#1d4ed8" }, { key: "cases", name: c("casesFiled"), color: "#b91c1c" }]} />
    ),
  };
  const keys = only ?? (Object.keys(panels) as PanelKey[]);
  return (
    <div className={width ? "space-y-3" : "grid grid-cols-1 gap-4 lg:grid-cols-2"}>
      {keys.map((k) => (
        <div key={k}>{panels[k]()}</div>
      ))}
    </div>
  );
}
