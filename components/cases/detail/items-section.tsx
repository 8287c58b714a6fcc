import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/case-detail";
import { DISPOSITIONS, ITEM_TYPES } from "@/lib/cases/enums";
import { addItemAction, updateItemAction } from "@/app/(app)/cases/[id]/actions";
import { RecordForm } from "@/components/cases/form-kit";
import { chinaLocalInput } from "@/lib/time/china";
import { Empty, Section, td, th } from "@/components/cases/detail/section";

export async function ItemsSection({ c, canWrite, canUpdate, now }: { c: CaseDetail; canWrite: boolean; canUpdate: boolean; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  const dispositions = DISPOSITIONS.map((d) => ({ value: d, label: t(`disposition.${d}`) }));
  return (
    <Section
      id="items" title={t("detail.sections.items")} count={c.seizedItems.length} formLabel={t("items.add")}
      form={canWrite ? (
        <RecordForm
          action={addItemAction} hidden={{ id: c.id }} submit={t("items.add")} saved={t("items.added")} testId="item-form"
          fields={[
            { name: "type", label: t("items.type"), type: "select", required: true, options: ITEM_TYPES.map((x) => ({ value: x, label: t(`itemType.${x}`) })) },
            { name: "quantity", label: t("items.quantity"), inputMode: "numeric" },
            { name: "seizedAt", label: t("items.seizedAt"), type: "datetime-local", defaultValue: chinaLocalInput(now) },
            { name: "storage", label: t("items.storage") },
            { name: "disposition", label: t("items.disposition"), type: "select", required: true, options: dispositions },
            { name: "note", label: t("items.note") },
          ]}
        />
      ) : undefined}
    >
      {c.seizedTotals.length > 0 ? (
        <p className="mb-2 flex flex-wrap gap-2 text-sm" data-testid="item-totals">
          <span className="text-slate-500">{t("items.totals")}：</span>
          {c.seizedTotals.map((x) => <span key={x.type} className="rounded bg-slate-100 px-2 py-0.5">{t(`itemType.${x.type}`)} {x.quantity}</span>)}
        </p>
      ) : null}
      {c.seizedItems.length === 0 ? <Empty>{t("items.empty")}</Empty> : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[640px] text-left text-sm">
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th className={th}>{t("items.type")}</th>
                <th className={`${th} text-right`}>{t("items.quantity")}</th>
                <th className={th}>{t("items.seizedAt")}</th>
                <th className={th}>{t("items.storage")}</th>
                <th className={th}>{t("items.disposition")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {c.seizedItems.map((i) => (
                <tr key={i.id} data-item={i.id}>
                  <td className={td}>{t(`itemType.${i.type}`)}{i.note ? <p className="text-xs text-slate-500">{i.note}</p> : null}</td>
                  <td className={`${td} text-right tabular-nums`}>{i.quantity}</td>
                  <td className={td}>{format.dateTime(i.seizedAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td className={td}>{i.storage ?? "—"}</td>
                  <td className={td}>
                    {t(`disposition.${i.disposition}`)}
                    {canUpdate ? (
                      <details>
                        <summary className="flex min-h-11 cursor-pointer items-center text-xs text-brand-700">{t("items.dispose")}</summary>
                        <RecordForm
                          action={updateItemAction} hidden={{ id: c.id, subId: i.id, version: i.version }} submit={t("items.dispose")} saved={t("items.saved")}
                          fields={[
                            { name: "disposition", label: t("items.disposition"), type: "select", required: true, options: dispositions, defaultValue: i.disposition },
                            { name: "storage", label: t("items.storage"), defaultValue: i.storage ?? "" },
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
