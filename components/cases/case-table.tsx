import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlarmClock } from "lucide-react";
import { Badge } from "@/components/ui/card";
import { formatDuration, STATUS_TONE } from "@/components/cases/format";
import { DataTable } from "@/components/ui/table";
import { formatYuan } from "@/lib/cases/money";
import type { CaseListItem } from "@/lib/cases/queries";

export async function CaseTable({ items, now }: { items: CaseListItem[]; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  return (
    <DataTable
      className="min-w-[760px]" testId="cases-table"
      head={
        <>
          <th className="px-4 py-2 font-medium">{t("list.caseNumber")}</th>
          <th className="px-4 py-2 font-medium">{t("list.status")}</th>
          <th className="px-4 py-2 font-medium">{t("list.fraudType")}</th>
          <th className="px-4 py-2 font-medium">{t("list.victim")}</th>
          <th className="px-4 py-2 text-right font-medium">{t("list.loss")}</th>
          <th className="px-4 py-2 font-medium">{t("list.unit")}</th>
          <th className="px-4 py-2 font-medium">{t("list.reportedAt")}</th>
        </>
      }
    >
      {items.map((c) => (
        <tr key={c.id} data-case={c.caseNumber} className="hover:bg-slate-50">
          <td className="px-4 py-2">
            <Link href={`/cases/${c.id}`} className="inline-flex min-h-8 items-center font-mono text-xs font-medium text-brand-700 hover:underline">
              {c.caseNumber}
            </Link>
          </td>
          <td className="space-x-1 px-4 py-2 whitespace-nowrap">
            <Badge tone={STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
            {c.status === "PENDING_APPROVAL" && c.submittedAt ? (
              <span className="text-xs text-amber-700">{formatDuration(now.getTime() - c.submittedAt.getTime(), t)}</span>
            ) : null}
            {c.expiringFreezes > 0 ? (
              <span className="inline-flex items-center gap-0.5 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="expiring-flag">
                <AlarmClock className="size-3" aria-hidden />
                {t("list.expiringBadge")}
              </span>
            ) : null}
          </td>
          <td className="px-4 py-2">{t(`fraudType.${c.fraudType}`)}</td>
          <td className="px-4 py-2">
            {c.victim}
            {c.victimCount > 1 ? <span className="ml-1 text-xs text-slate-500">{t("list.victimMore", { count: c.victimCount })}</span> : null}
          </td>
          <td className="px-4 py-2 text-right font-mono tabular-nums">{formatYuan(c.lossAmount)}</td>
          <td className="px-4 py-2">{c.unitName}</td>
          <td className="px-4 py-2 text-xs whitespace-nowrap text-slate-500">{format.dateTime(c.reportedAt, { dateStyle: "short", timeStyle: "short" })}</td>
        </tr>
      ))}
    </DataTable>
  );
}
