import { getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/case-detail";
import { formatYuan } from "@/lib/cases/money";
import { GENDERS } from "@/lib/cases/enums";
import { canEditFacts } from "@/lib/cases/state-machine";
import { addVictimAction, updateVictimAction } from "@/app/(app)/cases/[id]/actions";
import { RecordForm } from "@/components/cases/form-kit";
import { Pii } from "@/components/cases/detail/pii";
import { Empty, Section, td, th } from "@/components/cases/detail/section";
import { PersonLink } from "@/components/persons/person-link";

export async function VictimsSection({ c, canWrite, canReveal, personLinks }: {
  c: CaseDetail; canWrite: boolean; canReveal: boolean;
  /** Each victim's person file link (一人一档), by victim id. */
  personLinks?: Map<string, { personId: string; warnings90d: number }>;
}) {
  const t = await getTranslations("cases");
  const editable = canWrite && canEditFacts(c.status);
  const genders = GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }));
  return (
    <Section
      id="victims" title={t("detail.sections.victims")} count={c.victims.length} formLabel={t("victims.add")}
      form={canWrite ? (
        <RecordForm
          action={addVictimAction} hidden={{ id: c.id }} submit={t("victims.add")} saved={t("victims.added")} testId="victim-form"
          fields={[
            { name: "name", label: t("intake.name") },
            { name: "phone", label: t("intake.phone"), inputMode: "tel" },
            { name: "idNumber", label: t("intake.idNumber") },
            { name: "lossAmount", label: t("intake.lossAmount"), inputMode: "decimal", placeholder: "0.00" },
            { name: "gender", label: t("intake.gender"), type: "select", options: genders },
            { name: "age", label: t("intake.age"), inputMode: "numeric" },
            { name: "address", label: t("intake.address"), wide: true },
          ]}
        />
      ) : undefined}
    >
      {c.victims.length === 0 ? (
        <Empty>{t("victims.empty")}</Empty>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[720px] text-left text-sm">
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th className={th}>{t("intake.name")}</th>
                <th className={th}>{t("intake.phone")}</th>
                <th className={th}>{t("intake.idNumber")}</th>
                <th className={th}>{t("intake.gender")}/{t("intake.age")}</th>
                <th className={th}>{t("intake.address")}</th>
                <th className={`${th} text-right`}>{t("intake.lossAmount")}</th>
                <th className={`${th} text-right`}>{t("victims.returned")}</th>
                {editable ? <th className={th}><span className="sr-only">{t("victims.edit")}</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {c.victims.map((v) => (
                <tr key={v.id} data-victim={v.id}>
                  <td className={td}><Pii entity="victim" id={v.id} field="name" masked={v.name} canReveal={canReveal} /><div><PersonLink link={personLinks?.get(v.id) ?? null} /></div></td>
                  <td className={td}><Pii entity="victim" id={v.id} field="phone" masked={v.phone} canReveal={canReveal} /></td>
                  <td className={td}><Pii entity="victim" id={v.id} field="idNumber" masked={v.idNumber} canReveal={canReveal} /></td>
                  <td className={td}>{v.gender ? t(`gender.${v.gender}`) : "—"}{v.age !== null ? ` / ${v.age}` : ""}</td>
                  <td className={td}><Pii entity="victim" id={v.id} field="address" masked={v.address} canReveal={canReveal} /></td>
                  <td className={`${td} text-right font-mono tabular-nums`}>{formatYuan(v.lossAmount)}</td>
                  <td className={`${td} text-right font-mono tabular-nums`}>{formatYuan(v.returned)}</td>
                  {editable ? (
                    <td className={td}>
                      <details data-testid="edit-victim">
                        <summary className="flex min-h-11 cursor-pointer items-center text-xs text-brand-700">{t("victims.edit")}</summary>
                        <p className="mb-2 text-xs text-slate-500">{t("victims.editHint")}</p>
                        <RecordForm
                          action={updateVictimAction} hidden={{ id: c.id, subId: v.id, version: v.version }} submit={t("victims.save")} saved={t("victims.saved")}
                          fields={[
                            { name: "name", label: t("intake.name"), placeholder: v.name },
                            { name: "phone", label: t("intake.phone"), inputMode: "tel", placeholder: v.phone ?? "" },
                            { name: "idNumber", label: t("intake.idNumber"), placeholder: v.idNumber ?? "" },
                            { name: "lossAmount", label: t("intake.lossAmount"), inputMode: "decimal", defaultValue: v.lossAmount },
                            { name: "gender", label: t("intake.gender"), type: "select", options: genders, defaultValue: v.gender ?? "" },
                            { name: "age", label: t("intake.age"), inputMode: "numeric", defaultValue: v.age === null ? "" : String(v.age) },
                            { name: "address", label: t("intake.address"), wide: true, placeholder: v.address ?? "" },
                          ]}
                        />
                      </details>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
