import { count } from "@/lib/stats/format";

export type WallBar = { code: string; name: string; value: number };

/**
 * A ranked bar list sized to its box: one grid row per entry (at most `rows`), so it never
 * scrolls; the bars are relative to the largest value.
 */
export function WallBars({ items, rows, color, empty, testId }: { items: readonly WallBar[]; rows: number; color: string; empty: string; testId?: string }) {
  const shown = items.slice(0, rows);
  const max = Math.max(1, ...shown.map((i) => i.value));
  if (!shown.length) return <p className="grid h-full place-items-center text-[0.9em] text-slate-500">{empty}</p>;
  return (
    <ol className="grid h-full min-h-0 gap-[0.35em]" style={{ gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }} data-testid={testId}>
      {shown.map((item, i) => (
        <li key={item.code} className="grid min-h-0 grid-cols-[1.4em_7.5em_minmax(0,1fr)_3.2em] items-center gap-[0.5em] text-[0.95em]" data-testid={testId ? `${testId}-row` : undefined}>
          <span className="text-right tabular-nums text-slate-400">{i + 1}</span>
          <span className="truncate text-slate-200">{item.name}</span>
          <span className="relative h-[60%] max-h-[1.1em] min-h-[0.4em] rounded-sm bg-slate-800">
            <span className="absolute inset-y-0 left-0 rounded-sm" style={{ width: `${(item.value / max) * 100}%`, background: color }} />
          </span>
          <span className="text-right font-semibold tabular-nums text-slate-50">{count(item.value)}</span>
        </li>
      ))}
    </ol>
  );
}
