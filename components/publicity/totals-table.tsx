import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { queryString } from "@/components/publicity/pager";
import { DataTable } from "@/components/ui/table";
import type { RollupRow } from "@/lib/publicity/rollup";

/** A per-unit table of rolled-up figures with a total row; unit names drill down one level. */
export async function TotalsTable<K extends string>({
  rows, total, columns, drill, testId,
}: {
  rows: RollupRow<K>[];
  total: Record<K, number>;
  columns: { key: K; label: string }[];
  drill?: { path: string; params: Record<string, string | undefined> };
  testId?: string;
}) {
  const [t, format] = await Promise.all([getTranslations("publicity"), getFormatter()]);
  const n = (v: number) => format.number(v);
  return (
    <DataTable
      className="text-right tabular-nums" testId={testId}
      head={
        <>
          <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 text-left font-medium">{t("overview.columns.unit")}</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">{c.label}</th>
          ))}
        </>
      }
      foot={
        <tr data-unit="total">
          <th scope="row" className="sticky left-0 bg-slate-50 px-3 py-2 text-left">{t("common.total")}</th>
          {columns.map((c) => (
            <td key={c.key} className="px-3 py-2">{n(total[c.key])}</td>
          ))}
        </tr>
      }
    >
      {rows.map((r) => (
        <tr key={r.unitId} data-unit={r.code}>
          <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-normal whitespace-nowrap">
            {r.own ? t("common.own", { name: r.name }) : drill ? (
              <Link className="text-brand-700 hover:underline" href={`${drill.path}${queryString({ ...drill.params, unit: r.code })}`}>{r.name}</Link>
            ) : r.name}
          </th>
          {columns.map((c) => (
            <td key={c.key} className="px-3 py-2">{n(r.values[c.key])}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
