import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/case-detail";
import { formatYuan } from "@/lib/cases/money";
import { RECOVERY_METHODS } from "@/lib/cases/enums";
import { recoveryAction, returnAction } from "@/app/(app)/cases/[id]/actions";
import { RecordForm } from "@/components/cases/form-kit";
import { chinaLocalInput } from "@/lib/time/china";
import { Empty, Section, td, th } from "@/components/cases/detail/section";

/** 追赃挽损: money recovered, and what went back to which victim and when. */
export async function RecoveriesSection({ c, canWrite, canUpdate, now }: { c: CaseDetail; canWrite: boolean; canUpdate: boolean; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  const victims = c.victims.map((v) => ({ value: v.id, label: `${v.name}（${formatYuan(v.lossAmount)}）` }));
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  return (
    <Section
      id="recoveries" title={t("detail.sections.recoveries")} count={c.recoveries.length} formLabel={t("recoveries.add")}
      form={canWrite ? (
        <RecordForm
          action={recoveryAction} hidden={{ id: c.id }} submit={t("recoveries.add")} saved={t("recoveries.added")} testId="recovery-form"
          fields={[
            { name: "amount", label: t("recoveries.amount"), inputMode: "decimal", placeholder: "0.00" },
            { name: "recoveredAt", label: t("recoveries.recoveredAt"), type: "datetime-local", defaultValue: chinaLocalInput(now) },
            { name: "method", label: t("recoveries.method"), type: "select", required: true, options: RECOVERY_METHODS.map((m) => ({ value: m, label: t(`recoveryMethod.${m}`) })) },
            { name: "victimId", label: t("recoveries.victim"), type: "select", options: victims },
            { name: "returnedAmount", label: t("recoveries.returnedAmount"), inputMode: "decimal", placeholder: "0.00" },
            { name: "returnedAt", label: t("recoveries.returnedAt"), type: "datetime-local" },
            { name: "note", label: t("recoveries.note"), wide: true },
          ]}
        />
      ) : undefined}
    >
      {c.recoveries.length === 0 ? <Empty>{t("recoveries.empty")}</Empty> : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[680px] text-left text-sm">
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th className={`${th} text-right`}>{t("recoveries.amount")}</th>
                <th className={th}>{t("recoveries.recoveredAt")}</th>
                <th className={th}>{t("recoveries.method")}</th>
                <th className={th}>{t("recoveries.victim")}</th>
                <th className={`${th} text-right`}>{t("recoveries.returnedAmount")}</th>
                <th className={th}>{t("recoveries.returnedAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {c.recoveries.map((r) => (
                <tr key={r.id} data-recovery={r.id}>
                  <td className={`${td} text-right font-mono tabular-nums`}>{formatYuan(r.amount)}</td>
                  <td className={td}>{when(r.recoveredAt)}</td>
                  <td className={td}>{t(`recoveryMethod.${r.method}`)}{r.note ? <p className="text-xs text-slate-500">{r.note}</p> : null}</td>
                  <td className={td}>{r.victim?.name ?? t("recoveries.noVictim")}</td>
                  <td className={`${td} text-right font-mono tabular-nums`}>{formatYuan(r.returnedAmount)}</td>
                  <td className={td}>
                    {when(r.returnedAt)}
                    {canUpdate && victims.length > 0 ? (
                      <details>
                        <summary className="flex min-h-11 cursor-pointer items-center text-xs text-brand-700">{t("recoveries.return")}</summary>
                        <RecordForm
                          action={returnAction} hidden={{ id: c.id, subId: r.id, version: r.version }} submit={t("recoveries.return")} saved={t("recoveries.saved")}
                          fields={[
                            { name: "victimId", label: t("recoveries.victim"), type: "select", required: true, options: victims, defaultValue: r.victim?.id ?? victims[0]!.value },
                            { name: "returnedAmount", label: t("recoveries.returnedAmount"), inputMode: "decimal", defaultValue: r.amount },
                            { name: "returnedAt", label: t("recoveries.returnedAt"), type: "datetime-local", defaultValue: chinaLocalInput(now) },
                          ]}
                        />
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
