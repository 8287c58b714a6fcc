import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/audit/queries";
import { actionName, entityText } from "@/lib/audit/display";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";

/** The trail, newest first. Details stay on the record page: the list shows who did what to what. */
export async function AuditTable({ rows }: { rows: AuditRow[] }) {
  const [t, ta, format] = await Promise.all([getTranslations(), getTranslations("audit"), getFormatter()]);
  const th = "px-3 py-2 font-medium";
  return (
    <DataTable
      testId="audit-table"
      head={
        <>
          <th className={th}>{t("audit.columns.at")}</th>
          <th className={th}>{t("audit.columns.actor")}</th>
          <th className={th}>{t("audit.columns.unit")}</th>
          <th className={th}>{t("audit.columns.action")}</th>
          <th className={th}>{t("audit.columns.entity")}</th>
          <th className={th}>{t("audit.columns.success")}</th>
          <th className={th}>{t("audit.columns.ip")}</th>
          <th className={th}><span className="sr-only">{t("audit.open")}</span></th>
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.id} data-audit-id={r.id} className="align-top">
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-600">
            {format.dateTime(r.at, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })}
          </td>
          <td className="px-3 py-2">
            <span className="font-mono text-xs">{r.actorName ?? t("audit.anonymous")}</span>
            {r.role ? <span className="ml-1 text-xs text-slate-500">{t(`roles.${r.role}`)}</span> : null}
          </td>
          <td className="px-3 py-2 text-xs">{r.unitName ?? ""}</td>
          <td className="px-3 py-2 text-xs">
            <span className="block text-slate-900">{actionName(ta, r.action)}</span>
            <span className="block font-mono text-[11px] text-slate-500">{r.action}</span>
          </td>
          <td className="max-w-64 truncate px-3 py-2 text-xs text-slate-700" title={r.entityId ?? undefined}>{entityText(ta, r)}</td>
          <td className="px-3 py-2">{r.success ? <Badge tone="green">{t("audit.ok")}</Badge> : <Badge tone="red">{t("audit.failed")}</Badge>}</td>
          <td className="px-3 py-2 font-mono text-xs text-slate-500">{r.ip ?? ""}</td>
          <td className="px-3 py-2">
            <Link href={`/audit/${r.id}`} className="inline-flex min-h-8 items-center text-xs text-brand-700 hover:underline">
              {t("audit.open")}
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
