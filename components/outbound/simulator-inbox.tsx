import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/table";
import { chinaDateTime } from "@/lib/time/china";
import type { InboxFeedback, InboxMessage } from "@/lib/outbound/simulator-inbox";

const th = "px-3 py-2 font-medium";
const td = "whitespace-nowrap px-3 py-2";

/** What reached the simulator on one side: a victim's phone (SMS, 闪信, robot call), or a bank / carrier. */
export async function SimulatorMessagesTable({ rows, testId }: { rows: InboxMessage[]; testId: string }) {
  const t = await getTranslations("outbound");
  if (!rows.length) return <p className="text-sm text-slate-500" data-testid={testId}>{t("simulator.empty")}</p>;
  return (
    <DataTable testId={testId} frame="none" className="min-w-[880px]"
      head={
        <>
          <th className={th}>{t("simulator.col.receivedAt")}</th><th className={th}>{t("col.channel")}</th><th className={th}>{t("simulator.col.to")}</th>
          <th className={th}>{t("simulator.col.text")}</th><th className={th}>{t("simulator.col.result")}</th><th className={th}>{t("simulator.col.requests")}</th>
        </>
      }>
      {rows.map((m) => (
        <tr key={m.key} className="align-top">
          <td className={`${td} tabular-nums`}>{chinaDateTime(new Date(m.receivedAt))}</td>
          <td className={td}>{t(`channel.${m.channel}`)}</td>
          <td className={`${td} tabular-nums`}>{m.to}</td>
          <td className="max-w-md px-3 py-2">{m.text}</td>
          <td className={td}>
            {m.result ? t(`result.${m.result as "DELIVERED"}`) : t("simulator.waiting")}
            {m.reason ? ` · ${m.reason}` : ""}
            {m.amountStopped ? ` · ${t("simulator.amountStopped", { amount: m.amountStopped })}` : ""}
          </td>
          <td className="px-3 py-2 tabular-nums">{m.requests}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** What the simulated national / provincial platform took: the 签收 and results fed back. */
export async function SimulatorFeedbackTable({ rows }: { rows: InboxFeedback[] }) {
  const [t, tw] = await Promise.all([getTranslations("outbound"), getTranslations("warnings")]);
  if (!rows.length) return <p className="text-sm text-slate-500" data-testid="simulator-feedback">{t("simulator.empty")}</p>;
  return (
    <DataTable testId="simulator-feedback" frame="none" className="min-w-[720px]"
      head={
        <>
          <th className={th}>{t("simulator.col.receivedAt")}</th><th className={th}>{t("simulator.col.source")}</th><th className={th}>{t("simulator.col.externalId")}</th>
          <th className={th}>{t("simulator.col.event")}</th><th className={th}>{t("simulator.col.outcome")}</th><th className={th}>{t("simulator.col.requests")}</th>
        </>
      }>
      {rows.map((f) => (
        <tr key={f.key} className="align-top">
          <td className={`${td} tabular-nums`}>{chinaDateTime(new Date(f.receivedAt))}</td>
          <td className={td}>{tw(`source.${f.source}`)}</td>
          <td className={`${td} font-mono text-xs`}>{f.externalId}</td>
          <td className={td}>{t(`simulator.event.${f.event === "RESOLVED" ? "RESOLVED" : "ACKNOWLEDGED"}`)}</td>
          <td className={td}>{f.outcome ? tw(`outcome.${f.outcome}`) : ""}{f.destination ? ` · ${f.destination}` : ""}</td>
          <td className="px-3 py-2 tabular-nums">{f.requests}</td>
        </tr>
      ))}
    </DataTable>
  );
}
