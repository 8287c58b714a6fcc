import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/table";
import { chinaDateTime } from "@/lib/time/china";
import type { OutboundAdminView } from "@/lib/outbound/queries";

/** The outbox's latest messages: what each person receives, and where its delivery stands. */
export async function OutboundMessagesTable({ rows }: { rows: OutboundAdminView["messages"] }) {
  const t = await getTranslations("outbound");
  if (!rows.length) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  const th = "px-3 py-2 font-medium";
  return (
    <DataTable testId="outbound-messages" frame="none" className="min-w-[960px]"
      head={
        <>
          <th className={th}>{t("col.createdAt")}</th><th className={th}>{t("col.channel")}</th><th className={th}>{t("col.recipient")}</th>
          <th className={th}>{t("col.body")}</th><th className={th}>{t("col.rung")}</th><th className={th}>{t("col.warning")}</th><th className={th}>{t("col.status")}</th>
          <th className={th}>{t("col.attempts")}</th><th className={th}>{t("col.result")}</th><th className={th}>{t("col.lastError")}</th>
        </>
      }>
      {rows.map((m) => (
        <tr key={m.id} className="align-top">
          <td className="whitespace-nowrap px-3 py-2 tabular-nums">{chinaDateTime(m.createdAt)}</td>
          <td className="whitespace-nowrap px-3 py-2">{t(`channel.${m.channel}`)}</td>
          <td className="whitespace-nowrap px-3 py-2 tabular-nums">{m.recipient}</td>
          <td className="max-w-md px-3 py-2">{m.body}</td>
          <td className="whitespace-nowrap px-3 py-2">{m.rung}</td>
          <td className="whitespace-nowrap px-3 py-2">{m.warningId ? <Link href={`/warnings/${m.warningId}`} className="text-blue-700 underline" data-testid="outbound-warning-link">{m.warningId.slice(-6)}</Link> : ""}</td>
          <td className="whitespace-nowrap px-3 py-2">{t(`status.${m.status}`)}</td>
          <td className="px-3 py-2 tabular-nums">{m.attempts}</td>
          <td className="whitespace-nowrap px-3 py-2">{m.result ? t(`result.${m.result as "DELIVERED"}`) : ""}</td>
          <td className="max-w-xs px-3 py-2 text-xs text-slate-500">{m.lastError}</td>
        </tr>
      ))}
    </DataTable>
  );
}
