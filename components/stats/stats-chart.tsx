"use client";

import { useState, type ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

export type ChartSeries = { key: string; name: string; color: string };
export type ChartRow = Record<string, string | number | null>;

type Props = {
  title: string;
  kind: "bar" | "line" | "hbar";
  rows: ChartRow[];
  /** The row field naming each point (a period label, a type, a step). */
  xKey: string;
  xLabel: string;
  series: ChartSeries[];
  stacked?: boolean;
  decimals?: number;
  labels: { chart: string; table: string; view: string; empty: string; partial?: string };
  /** A fixed width (print layouts); otherwise the chart fills its card. */
  width?: number;
  height?: number;
  /** Print layouts show the chart only. */
  toggle?: boolean;
  testId?: string;
  /** The row of the period still running: a dashed line into it, a paler bar, and a note. */
  partialAt?: number;
};

/** A Recharts chart with a zh-CN legend and a table view of the same numbers. */
export function StatsChart({ title, kind, rows, xKey, xLabel, series, stacked, decimals = 0, labels, width, height = 260, toggle = true, testId, partialAt }: Props) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const fmt = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const num = (v: unknown) => (typeof v === "number" ? fmt.format(v) : v === null || v === undefined ? "—" : String(v));
  const empty = rows.length === 0 || rows.every((r) => series.every((s) => !r[s.key]));
  const partial = partialAt !== undefined && partialAt >= 0 && partialAt < rows.length ? partialAt : undefined;
  const chart = renderChart({ kind, rows, xKey, series, stacked, num, width, height, decimals, partial });
  return (
    <Card className="p-4 break-inside-avoid" data-testid={testId}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        {toggle ? (
          <div role="group" aria-label={`${title} · ${labels.view}`} className="no-print flex gap-1">
            {(["chart", "table"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className={cn("min-h-8 rounded border px-2 text-xs", view === v ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700")}
              >
                {labels[v]}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {partial !== undefined && labels.partial && !empty ? <p className="mb-1 text-xs text-slate-500" data-testid="partial-note">{labels.partial}</p> : null}
      {empty ? (
        <p className="py-10 text-center text-sm text-slate-500">{labels.empty}</p>
      ) : view === "chart" ? (
        <div style={{ height }} className="w-full">
          {width ? chart : <ResponsiveContainer width="100%" height="100%">{chart}</ResponsiveContainer>}
        </div>
      ) : (
        <div className="max-h-80 overflow-auto">
          <table className="w-full text-right text-xs tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead className="sticky top-0 bg-slate-50 text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">{xLabel}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="px-2 py-1 font-medium">{s.name}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">{String(r[xKey])}</th>
                  {series.map((s) => (
                    <td key={s.key} className="px-2 py-1">{num(r[s.key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function renderChart(o: {
  kind: Props["kind"]; rows: ChartRow[]; xKey: string; series: ChartSeries[]; stacked?: boolean; num: (v: unknown) => string; width?: number; height: number;
  decimals: number; partial?: number;
}): ReactElement {
  const size = o.width ? { width: o.width, height: o.height } : {};
  const tooltip = <Tooltip formatter={(v) => o.num(v)} />;
  // In the order the series are given (risk levels from critical down), not alphabetically.
  const legend = <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />;
  const grid = <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />;
  // Counts have no fractions: no 0.5 warnings between the ticks.
  const allowDecimals = o.decimals > 0;
  const yAxis = <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => o.num(v)} width={64} allowDecimals={allowDecimals} />;
  const xAxis = <XAxis dataKey={o.xKey} tick={{ fontSize: 11 }} minTickGap={8} />;
  // Printing happens right after load: no animation, so the bulletin never prints half-drawn bars.
  const animate = !o.width;
  const p = o.partial;
  if (o.kind === "line") {
    // The finished buckets as a solid line; the step into the running one dashed (its own series,
    // out of the legend and the tooltip so nothing shows twice).
    const rows = p === undefined ? o.rows : o.rows.map((r, i) => ({
      ...r,
      ...Object.fromEntries(o.series.flatMap((s) => [[`${s.key}__done`, i < p ? r[s.key] ?? null : null], [`${s.key}__partial`, i >= p - 1 ? r[s.key] ?? null : null]])),
    }));
    return (
      <LineChart data={rows} {...size} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {grid}{xAxis}{yAxis}{tooltip}{legend}
        {o.series.map((s) => <Line key={s.key} type="linear" dataKey={p === undefined ? s.key : `${s.key}__done`} name={s.name} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={animate} />)}
        {p === undefined ? null : o.series.map((s) => (
          <Line key={`${s.key}-partial`} type="linear" dataKey={`${s.key}__partial`} name={s.name} stroke={s.color} strokeWidth={2} strokeDasharray="5 4"
            dot={{ r: 2 }} legendType="none" tooltipType="none" isAnimationActive={animate} />
        ))}
      </LineChart>
    );
  }
  // The running bucket's bar is paler.
  const cells = (s: ChartSeries) => (p === undefined ? null : o.rows.map((_, i) => <Cell key={i} fill={s.color} fillOpacity={i === p ? 0.4 : 1} />));
  if (o.kind === "hbar") {
    return (
      <BarChart data={o.rows} layout="vertical" {...size} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        {grid}
        <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => o.num(v)} allowDecimals={allowDecimals} />
        <YAxis type="category" dataKey={o.xKey} tick={{ fontSize: 11 }} width={112} />
        {tooltip}{legend}
        {o.series.map((s) => <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={o.stacked ? "a" : undefined} isAnimationActive={animate}>{cells(s)}</Bar>)}
      </BarChart>
    );
  }
  return (
    <BarChart data={o.rows} {...size} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
      {grid}{xAxis}{yAxis}{tooltip}{legend}
      {o.series.map((s) => <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={o.stacked ? "a" : undefined} isAnimationActive={animate}>{cells(s)}</Bar>)}
    </BarChart>
  );
}
