import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { HOURS, WEEKDAYS } from "@/lib/profiles/dimensions";

type Cell = { weekday: number; hour: number; count: number };

/** Weekday × hour as a grid of cells (darker = more), with the same numbers as a table. */
export async function HeatMap({ cells }: { cells: Cell[] }) {
  const t = await getTranslations("profiles");
  const max = Math.max(1, ...cells.map((c) => c.count));
  const at = new Map(cells.map((c) => [`${c.weekday}|${c.hour}`, c.count]));
  const n = (w: number, h: number) => at.get(`${w}|${h}`) ?? 0;
  const fmt = new Intl.NumberFormat("zh-CN");
  return (
    <Card className="p-4 break-inside-avoid" data-testid="chart-heat">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{t("charts.heat")}</h3>
        <p className="text-xs text-slate-500">{t("charts.heatLegend")}</p>
      </div>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-0.5 text-xs" aria-label={t("charts.heat")}>
          <thead>
            <tr>
              <th scope="col" className="w-12" />
              {HOURS.map((h) => <th key={h} scope="col" className="w-7 font-normal text-slate-500">{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((w) => (
              <tr key={w}>
                <th scope="row" className="pr-2 text-right font-normal text-slate-600">{t(`weekdays.${w}`)}</th>
                {HOURS.map((h) => {
                  const v = n(w, h);
                  const label = t("charts.heatCell", { weekday: t(`weekdays.${w}`), hour: String(h), count: fmt.format(v) });
                  return (
                    <td key={h} title={label} aria-label={label} data-count={v}
                      className="h-7 w-7 rounded-sm text-center align-middle text-[10px] text-white"
                      style={{ backgroundColor: v ? `rgba(185, 28, 28, ${0.12 + 0.88 * (v / max)})` : "#f1f5f9" }}>
                      {v && v / max >= 0.5 ? fmt.format(v) : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
