import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { listUnits } from "@/lib/units/queries";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-form";
import { CreateUnitForm } from "@/components/admin/create-unit-form";
import { DataTable } from "@/components/ui/table";
import { updateUnitAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("units"))("title") };
}

export default async function UnitsPage() {
  const actor = await requirePagePermission("units:manage");
  const [units, t, format] = await Promise.all([listUnits(actor), getTranslations(), getFormatter()]);
  return (
    <>
      <PageHeader title={t("units.title")} subtitle={t("units.subtitle")} />
      <Card className="mb-6 p-5">
        <h2 className="mb-4 text-base font-semibold">{t("units.new")}</h2>
        <CreateUnitForm />
      </Card>
      {units.length === 0 ? (
        <EmptyState title={t("units.empty")} />
      ) : (
        <DataTable
          testId="units-table"
          head={
            <>
              <th className="px-4 py-2 font-medium">{t("units.name")}</th>
              <th className="px-4 py-2 font-medium">{t("units.code")}</th>
              <th className="px-4 py-2 font-medium">{t("units.kind")}</th>
              <th className="px-4 py-2 text-right font-medium">{t("units.population")}</th>
              <th className="px-4 py-2 font-medium">{t("units.keywords")}</th>
              <th className="px-4 py-2 text-right font-medium">{t("units.users")}</th>
              <th className="px-4 py-2 font-medium">{t("common.actions")}</th>
            </>
          }
        >
          {units.map((u) => (
            <tr key={u.id} data-unit={u.code} className={u.active ? "" : "text-slate-400"}>
              <td className="px-4 py-2" style={{ paddingLeft: `${1 + u.depth * 1.5}rem` }}>
                {u.name} {u.active ? null : <Badge>{t("common.inactive")}</Badge>}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{u.code}</td>
              <td className="px-4 py-2">{t(`unitKinds.${u.kind}`)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{u.population != null ? format.number(u.population) : "—"}</td>
              <td className="max-w-xs truncate px-4 py-2 text-xs text-slate-500">{u.addressKeywords.join("、")}</td>
              <td className="px-4 py-2 text-right tabular-nums">{u.userCount}</td>
              <td className="px-4 py-2">
                {u.kind === "CITY" ? null : (
                  <ActionButton action={updateUnitAction} fields={{ id: u.id, version: u.version, active: String(!u.active) }} variant="secondary">
                    {u.active ? t("common.disable") : t("common.enable")}
                  </ActionButton>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
