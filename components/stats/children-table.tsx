import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { statsHref } from "@/components/stats/href";
import { DataTable } from "@/components/ui/table";
import type { FigureKey } from "@/lib/stats/figures";
import { count, wan } from "@/lib/stats/format";
import type { StatsQuery } from "@/lib/stats/schemas";
import type { ChildRow } from "@/lib/stats/summary";

/** The columns of the drill-down table: the figures leaders compare unit by unit. */
const COLUMNS: { key: FigureKey; money?: boolean }[] = [
  { key: "warningsHandled" }, { key: "peopleDissuaded" }, { key: "lossStopped", money: true }, { key: "casesFiled" },
  { key: "casesSolved" }, { key: "suspectsArrested" }, { key: "fundsRecovered", money: true }, { key: "appRegistrations" }, { key: "outreachAudience" },
];

/** Each child unit's figures; a unit's name drills down to it. */
export async function ChildrenTable({ rows, query }: { rows: ChildRow[]; query: StatsQuery }) {
  const t = await getTranslations("stats");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("children.none")}</p>;
  return (
    <DataTable
      className="text-right tabular-nums" testId="children-table"
      head={
        <>
          <th scope="col" className="px-3 py-2 text-left font-medium">{t("children.unit")}</th>
          {COLUMNS.map((c) => (
            <th key={c.key} scope="col" className="px-3 py-2 font-medium">
              {t(`figures.${c.key}`)}
              {c.money ? `（${t("suffix.lossStopped")}）` : ""}
            </th>
          ))}
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.code} data-unit={r.code}>
          <th scope="row" className="px-3 py-2 text-left font-normal">
            <Link href={statsHref("", query, { unit: r.code })} className="inline-flex min-h-8 items-center text-brand-700 underline-offset-2 hover:underline">
              {r.name}
            </Link>
          </th>
          {COLUMNS.map((c) => (
            <td key={c.key} className="px-3 py-2">{c.money ? wan(r.values[c.key]) : count(r.values[c.key])}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
