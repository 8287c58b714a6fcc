"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";

const COLORS = ["#38bdf8", "#f472b6", "#facc15", "#4ade80", "#a78bfa"];

/** The week's warnings of the top fraud types, one line each, drawn for a dark wall (no tooltip: nobody points at a wall). */
export function WallTrend({ days, series, empty }: { days: readonly Record<string, string | number>[]; series: readonly { key: string; name: string }[]; empty: string }) {
  if (!series.length) return <p className="grid h-full place-items-center text-[0.9em] text-slate-500">{empty}</p>;
  const tick = { fill: "#94a3b8", fontSize: "0.8em" };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={[...days]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#1e293b" vertical={false} />
        <XAxis dataKey="label" tick={tick} stroke="#334155" />
        <YAxis allowDecimals={false} tick={tick} stroke="#334155" width={48} />
        <Legend wrapperStyle={{ fontSize: "0.8em", color: "#cbd5e1" }} />
        {series.map((s, i) => (
          <Line key={s.key} type="linear" dataKey={s.key} name={s.name} stroke={COLORS[i % COLORS.length]} strokeWidth={3} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
