"use client";

// The choropleth: one SVG path per area (shapes computed on the server, lib/map/shapes.ts), filled
// by value in five equal steps from zero to the largest value, with a legend. No map library in the
// browser. Used by /stats/map and, with theme="dark", by the big screen.
import { useState } from "react";
import type { MapShapes } from "@/lib/map/shapes";
import { cn } from "@/components/ui/cn";

export type UnitMapArea = {
  code: string;
  name: string;
  value: number;
  /** The value as shown (formatted: 1,234 / ¥12.34万); default: the number. */
  label?: string;
  /** Clicking it calls onSelect (a county with precincts to drill into). Default: true when onSelect is given. */
  selectable?: boolean;
};

export type UnitMapProps = {
  areas: UnitMapArea[];
  metricLabel: string;
  shapes: MapShapes;
  theme?: "light" | "dark";
  onSelect?: (code: string) => void;
  /** The legend's step labels (five, lowest first); default: the step's upper bound as a number. */
  legendLabels?: string[];
  /** Text for an area with nothing recorded / no legend (e.g. "无数据"). */
  emptyLabel?: string;
  className?: string;
  /**
   * Fill the parent's height as well as its width (the picture keeps its proportions, centred):
   * the big screen, whose panels have a fixed height. Default: the width decides the height.
   */
  fill?: boolean;
  /** The area labels' size in the drawing's units (default: width / 44, 11–18); larger reads from afar. */
  labelSize?: number;
  /** Classes of the legend line (default: text-xs). */
  legendClassName?: string;
};

const STEPS = 5;
const PALETTE = {
  light: { ramp: ["#eff6ff", "#bfdbfe", "#60a5fa", "#2563eb", "#1e3a8a"], stroke: "#ffffff", text: "#0f172a", textOnDark: "#ffffff", hover: "#f59e0b", bg: "transparent", muted: "#64748b" },
  dark: { ramp: ["#10263f", "#12436b", "#0f6ea3", "#0ea5e9", "#67e8f9"], stroke: "#020617", text: "#e2e8f0", textOnDark: "#ffffff", hover: "#fbbf24", bg: "transparent", muted: "#94a3b8" },
} as const;

/** The step of a value: 0 for nothing, else 1–4 by fifths of the largest value. */
export function stepOf(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.min(STEPS - 1, Math.max(1, Math.ceil((value / max) * (STEPS - 1))));
}

const shortName = (name: string) => name.replace(/(公安局|分局|派出所)$/u, "");

export function UnitMap({ areas, metricLabel, shapes, theme = "light", onSelect, legendLabels, emptyLabel, className, fill = false, labelSize, legendClassName = "text-xs" }: UnitMapProps) {
  const [hover, setHover] = useState<string | null>(null);
  const p = PALETTE[theme];
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const max = Math.max(0, ...areas.map((a) => a.value));
  const fontSize = labelSize ?? Math.max(11, Math.min(18, Math.round(shapes.width / 44)));
  return (
    <figure className={cn(fill && "flex h-full min-h-0 flex-col", className)} data-testid="unit-map" data-source={shapes.source} data-theme={theme}>
      <svg viewBox={`0 0 ${shapes.width} ${shapes.height}`} role="group" aria-label={metricLabel} className={fill ? "min-h-0 w-full flex-1" : "h-auto w-full"} style={{ background: p.bg }}>
        {shapes.shapes.map((s) => {
          const a = byCode.get(s.code);
          if (!a) return null;
          const step = stepOf(a.value, max);
          const selectable = !!onSelect && (a.selectable ?? true);
          const label = a.label ?? String(a.value);
          const on = hover === s.code;
          const select = () => selectable && onSelect?.(s.code);
          return (
            <g
              key={s.code}
              data-code={s.code}
              data-step={step}
              role={selectable ? "button" : "img"}
              tabIndex={selectable ? 0 : undefined}
              aria-label={`${a.name}：${metricLabel} ${label}`}
              onClick={select}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  select();
                }
              }}
              onMouseEnter={() => setHover(s.code)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(s.code)}
              onBlur={() => setHover(null)}
              style={{ cursor: selectable ? "pointer" : "default", outline: "none" }}
            >
              <title>{`${a.name}　${metricLabel}：${label}`}</title>
              <path d={s.d} fill={p.ramp[step]} stroke={on ? p.hover : p.stroke} strokeWidth={on ? 3 : 1.5} strokeLinejoin="round" />
              <text x={s.cx} y={s.cy - fontSize * 0.2} textAnchor="middle" fontSize={fontSize} fontWeight={600} fill={step >= 3 ? p.textOnDark : p.text} pointerEvents="none">
                {shortName(a.name)}
              </text>
              <text x={s.cx} y={s.cy + fontSize * 1.05} textAnchor="middle" fontSize={fontSize * 0.9} fill={step >= 3 ? p.textOnDark : p.text} pointerEvents="none" style={{ fontVariantNumeric: "tabular-nums" }}>
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={cn("mt-2 flex shrink-0 flex-wrap items-center gap-3", legendClassName)} style={{ color: p.muted }}>
        <span className="font-medium">{metricLabel}</span>
        <span className="flex items-center gap-1" data-testid="unit-map-legend">
          {p.ramp.map((c, i) => (
            <span key={c} className="flex items-center gap-1">
              <span aria-hidden className={cn("inline-block size-[1em] rounded-sm border", theme === "dark" ? "border-slate-600" : "border-slate-300")} style={{ background: c }} />
              <span>{legendLabels?.[i] ?? (i === 0 ? (emptyLabel ?? "0") : `≤${Math.round((max * i) / (STEPS - 1))}`)}</span>
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
