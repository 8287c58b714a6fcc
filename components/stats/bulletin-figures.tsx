import { getTranslations } from "next-intl/server";
import { figureText } from "@/components/stats/figure-card";
import type { Figure } from "@/lib/stats/figures";
import { signedPercent } from "@/lib/stats/format";

/** The period's figures as a table: this period, a year earlier, 同比, the previous period, 环比. */
export async function BulletinFigures({ figures }: { figures: Figure[] }) {
  const t = await getTranslations("stats");
  const rows = await Promise.all(
    figures.map(async (f) => ({
      f,
      value: await figureText(f, f.value),
      yearAgo: await figureText(f, f.yearAgo),
      previous: await figureText(f, f.previous),
    })),
  );
  const cell = "border border-slate-300 px-2 py-1";
  return (
    <table className="w-full border-collapse text-sm tabular-nums" data-testid="bulletin-figures">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={`${cell} text-left`}>{t("bulletin.indicator")}</th>
          <th scope="col" className={`${cell} text-right`}>{t("change.current")}</th>
          <th scope="col" className={`${cell} text-right`}>{t("change.yearAgo")}</th>
          <th scope="col" className={`${cell} text-right`}>{t("change.yoy")}</th>
          <th scope="col" className={`${cell} text-right`}>{t("change.previous")}</th>
          <th scope="col" className={`${cell} text-right`}>{t("change.mom")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ f, value, yearAgo, previous }) => (
          <tr key={f.key}>
            <th scope="row" className={`${cell} text-left font-normal`}>{t(`figures.${f.key}`)}</th>
            <td className={`${cell} text-right`}>{value.number} {value.suffix}</td>
            <td className={`${cell} text-right`}>{yearAgo.number} {yearAgo.suffix}</td>
            <td className={`${cell} text-right`}>{f.yoy === null ? "—" : `${signedPercent(f.yoy)}%`}</td>
            <td className={`${cell} text-right`}>{previous.number} {previous.suffix}</td>
            <td className={`${cell} text-right`}>{f.mom === null ? "—" : `${signedPercent(f.mom)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
