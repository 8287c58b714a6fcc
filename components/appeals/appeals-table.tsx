import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/table";
import { AppealBadges } from "@/components/appeals/appeal-badges";
import type { AppealDto } from "@/lib/appeals/queries";

/** Appeals, masked; overdue rows red, due-soon rows amber. Rows link to the decision page for those who manage measures. */
export async function AppealsTable({ items, canOpen, testId = "appeals-table" }: { items: AppealDto[]; canOpen: boolean; testId?: string }) {
  const [t, tp] = await Promise.all([getTranslations("appeals"), getTranslations("publicity")]);
  return (
    <DataTable
      testId={testId} frameClassName="relative"
      head={
        <>
          <th className="px-3 py-2 font-medium">{t("fields.appellantName")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.measure")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.receivedOn")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.deadlineOn")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.status")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.unit")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.grounds")}</th>
          {canOpen ? <th className="px-3 py-2"><span className="sr-only">{t("list.open")}</span></th> : null}
        </>
      }
    >
      {items.map((a) => (
        <tr key={a.id} data-appeal={a.id} data-status={a.status} data-flag={a.flag ?? ""}
          className={a.flag === "overdue" ? "bg-red-50" : a.flag === "dueSoon" ? "bg-amber-50" : undefined}>
          <td className="px-3 py-2 whitespace-nowrap">{a.appellantName}</td>
          <td className="px-3 py-2 whitespace-nowrap">{tp(`measureKinds.${a.measure.kind}`)} · {a.measure.person}</td>
          <td className="px-3 py-2 whitespace-nowrap tabular-nums">{a.receivedOn}</td>
          <td className="px-3 py-2 whitespace-nowrap tabular-nums">{a.deadlineOn}</td>
          <td className="px-3 py-2 whitespace-nowrap"><AppealBadges a={a} /></td>
          <td className="px-3 py-2 whitespace-nowrap">{a.measure.unitName}</td>
          <td className="max-w-52 truncate px-3 py-2 text-slate-600" title={a.grounds}>{a.grounds}</td>
          {canOpen ? (
            <td className="px-3 py-2 text-right">
              <Link href={`/publicity/appeals/${a.id}`} className="inline-flex min-h-11 items-center whitespace-nowrap text-brand-700 hover:underline">{t("list.open")}</Link>
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
