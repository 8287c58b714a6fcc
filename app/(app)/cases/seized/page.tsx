import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { seizedTotalsByUnit } from "@/lib/cases/queries";
import { ITEM_TYPES } from "@/lib/cases/enums";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("seized.title") };
}

/** Seized items of the jurisdiction, per unit and type (sums done by PostgreSQL). */
export default async function SeizedPage() {
  const actor = await requirePagePermission("cases:read");
  const [rows, t] = await Promise.all([seizedTotalsByUnit(actor), getTranslations("cases")]);
  const total = (type: (typeof ITEM_TYPES)[number]) => rows.reduce((s, r) => s + (r.totals[type] ?? 0), 0);
  return (
    <>
      <Link href="/cases" className="inline-flex min-h-10 items-center text-sm text-brand-600 hover:underline">← {t("backToList")}</Link>
      <PageHeader title={t("seized.title")} subtitle={t("seized.subtitle")} />
      {rows.length === 0 ? (
        <EmptyState title={t("seized.empty")}>{t("seized.emptyBody")}</EmptyState>
      ) : (
        <DataTable
          className="min-w-[760px]" testId="seized-table"
          head={
            <>
              <th className="px-3 py-2 font-medium">{t("seized.unit")}</th>
              {ITEM_TYPES.map((x) => <th key={x} className="px-3 py-2 text-right font-medium">{t(`itemType.${x}`)}</th>)}
              <th className="px-3 py-2 text-right font-medium">{t("seized.all")}</th>
            </>
          }
          foot={
            <tr>
              <td className="px-3 py-2">{t("seized.all")}</td>
              {ITEM_TYPES.map((x) => <td key={x} className="px-3 py-2 text-right tabular-nums">{total(x)}</td>)}
              <td className="px-3 py-2 text-right tabular-nums">{rows.reduce((s, r) => s + r.all, 0)}</td>
            </tr>
          }
        >
          {rows.map((r) => (
            <tr key={r.unitCode} data-unit={r.unitCode}>
              <td className="px-3 py-2">{r.unitName}</td>
              {ITEM_TYPES.map((x) => <td key={x} className="px-3 py-2 text-right tabular-nums">{r.totals[x] ?? 0}</td>)}
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{r.all}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
