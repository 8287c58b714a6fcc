import { WallBars, type WallBar } from "@/components/wall/wall-bars";

/**
 * The wall's map panel: today's warnings per county or district as a ranked bar list. A stand-in
 * for the unit map (components/map/unit-map.tsx, dark theme), which takes its place once merged.
 */
export function WallMap({ title, units, empty }: { title: string; units: readonly WallBar[]; empty: string }) {
  return (
    <section className="flex min-h-0 flex-col rounded-[0.4em] border border-slate-800 bg-slate-900/70 p-[0.7em]" data-testid="wall-map">
      <h2 className="mb-[0.5em] shrink-0 text-[1.05em] font-semibold text-sky-300">{title}</h2>
      <div className="min-h-0 flex-1">
        <WallBars items={units} rows={9} color="linear-gradient(90deg,#0ea5e9,#38bdf8)" empty={empty} testId="wall-map-bars" />
      </div>
    </section>
  );
}
