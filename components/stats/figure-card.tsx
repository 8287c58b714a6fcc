import { getTranslations } from "next-intl/server";
import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { Figure, FigureKey } from "@/lib/stats/figures";
import { count, shortCount, signedPercent, wan } from "@/lib/stats/format";

/** Figures where a fall is the good news (fewer cases filed means less fraud). */
const LOWER_IS_BETTER: ReadonlySet<FigureKey> = new Set(["casesFiled"]);

/** The figure as leaders read it: money in 万元, large counts in 万. */
export async function figureText(f: Pick<Figure, "key" | "kind">, value: string): Promise<{ number: string; suffix: string }> {
  const t = await getTranslations("stats.suffix");
  if (f.kind === "money") return { number: wan(value), suffix: t(f.key) };
  const s = shortCount(value);
  return { number: s.number, suffix: s.suffix ? `${t("wan")}${t(f.key)}` : t(f.key) };
}

/** A percentage change with its arrow; green when it is good news, red when not. */
export async function Change({ label, value, lowerIsBetter }: { label: string; value: number | null; lowerIsBetter?: boolean }) {
  const t = await getTranslations("stats.change");
  if (value === null) {
    return (
      <span className="text-slate-400" title={t("noneHint")}>
        {label} {t("none")}
      </span>
    );
  }
  const good = value === 0 ? null : (value > 0) !== Boolean(lowerIsBetter);
  const Icon = value > 0 ? ArrowUpRight : value < 0 ? ArrowDownRight : Minus;
  const spoken = value > 0 ? t("up", { value: Math.abs(value) }) : value < 0 ? t("down", { value: Math.abs(value) }) : t("flat");
  return (
    <span className={cn("inline-flex items-center gap-0.5", good === null ? "text-slate-500" : good ? "text-green-700" : "text-red-700")} aria-label={`${label}${spoken}`}>
      <span aria-hidden>{label}</span>
      <Icon className="size-3.5" aria-hidden />
      <span aria-hidden>{signedPercent(value)}%</span>
    </span>
  );
}

/** A small trend line: the figure per bucket of the period, scaled to its own range; the step into a still-running last bucket dashed. */
export function Sparkline({ points, label, partial = false }: { points: readonly number[]; label: string; partial?: boolean }) {
  if (points.length < 2) return null;
  const w = 120;
  const h = 28;
  const max = Math.max(...points);
  const min = Math.min(...points, 0);
  const span = max - min || 1;
  const xy = points.map((p, i) => `${((i / (points.length - 1)) * w).toFixed(1)},${(h - 2 - ((p - min) / span) * (h - 4)).toFixed(1)}`);
  return (
    <svg viewBox={`0 0 ${w} ${h}`} className="h-7 w-full text-brand-600" role="img" aria-label={label} preserveAspectRatio="none">
      <polyline points={(partial ? xy.slice(0, -1) : xy).join(" ")} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
      {partial ? <polyline points={xy.slice(-2).join(" ")} fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" data-partial /> : null}
    </svg>
  );
}

export async function FigureCard({ figure, partial = false }: { figure: Figure; partial?: boolean }) {
  const t = await getTranslations("stats");
  const { number, suffix } = await figureText(figure, figure.value);
  const lower = LOWER_IS_BETTER.has(figure.key);
  const exact = figure.kind === "money" ? `¥${Number(figure.value).toLocaleString("zh-CN", { minimumFractionDigits: 2 })}` : count(figure.value);
  return (
    <Card className="flex flex-col gap-1 p-4" data-testid={`figure-${figure.key}`}>
      <p className="text-sm text-slate-600">{t(`figures.${figure.key}`)}</p>
      <p className="text-2xl font-semibold tabular-nums text-slate-900" title={exact}>
        <span data-testid="figure-value">{number}</span>
        <span className="ml-1 text-sm font-normal text-slate-500">{suffix}</span>
      </p>
      <div className="flex flex-wrap gap-x-3 text-xs">
        <Change label={t("change.yoy")} value={figure.yoy} lowerIsBetter={lower} />
        <Change label={t("change.mom")} value={figure.mom} lowerIsBetter={lower} />
      </div>
      <Sparkline points={figure.trend} partial={partial} label={`${t(`figures.${figure.key}`)} · ${t("change.trend")}${partial ? `（${t("charts.partial")}）` : ""}`} />
    </Card>
  );
}
