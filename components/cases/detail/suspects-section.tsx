import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/case-detail";
import type { linkChoices } from "@/lib/cases/queries";
import { GENDERS } from "@/lib/cases/enums";
import { SUSPECT_TRANSITIONS } from "@/lib/cases/state-machine";
import { addSuspectAction, gangAction, suspectGangAction, suspectStatusAction } from "@/app/(app)/cases/[id]/actions";
import { Badge } from "@/components/ui/card";
import { RecordForm } from "@/components/cases/form-kit";
import { Pii } from "@/components/cases/detail/pii";
import { Empty, Section } from "@/components/cases/detail/section";

const TONE = { WANTED: "red", ARRESTED: "amber", DETAINED: "amber", PROSECUTED: "green", RELEASED: "slate" } as const;
type Choices = Awaited<ReturnType<typeof linkChoices>>;

/** Suspects (masked) with their status dates and gang, and the gangs the case belongs to. */
export async function SuspectsSection({ c, canWrite, canUpdate, canReveal, choices }: {
  c: CaseDetail; canWrite: boolean; canUpdate: boolean; canReveal: boolean; choices: Choices;
}) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const gangOptions = choices.gangs.map((g) => ({ value: g.id, label: g.name }));
  return (
    <>
      <Section
        id="suspects" title={t("detail.sections.suspects")} count={c.suspects.length} formLabel={t("suspects.add")}
        form={canWrite ? (
          <div className="space-y-4">
            <RecordForm
              action={addSuspectAction} hidden={{ id: c.id }} submit={t("suspects.add")} saved={t("suspects.added")} testId="suspect-form"
              fields={[
                { name: "name", label: t("suspects.name") },
                { name: "phone", label: t("suspects.phone"), inputMode: "tel" },
                { name: "idNumber", label: t("suspects.idNumber") },
                { name: "gender", label: t("intake.gender"), type: "select", options: GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) })) },
                { name: "gangId", label: t("suspects.gang"), type: "select", options: gangOptions },
                { name: "note", label: t("suspects.note"), wide: true },
              ]}
            />
            {choices.suspects.length > 0 ? (
              <RecordForm
                action={addSuspectAction} hidden={{ id: c.id }} submit={t("suspects.link")} saved={t("suspects.added")} testId="suspect-link-form"
                fields={[{ name: "suspectId", label: t("suspects.linkChoice"), type: "select", required: true, wide: true,
                  options: choices.suspects.map((s) => ({ value: s.id, label: `${s.label} · ${t(`suspectStatus.${s.status}`)} · ${s.cases.join("，")}` })) }]}
              />
            ) : null}
          </div>
        ) : undefined}
      >
        {c.suspects.length === 0 ? <Empty>{t("suspects.empty")}</Empty> : (
          <ul className="divide-y divide-slate-100">
            {c.suspects.map((s) => {
              const dates = (["arrestedAt", "detainedAt", "prosecutedAt", "releasedAt"] as const).filter((k) => s[k]).map((k) => t(`suspects.${k}`, { date: day(s[k]!) }));
              return (
                <li key={s.id} className="py-3" data-suspect={s.id}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <Pii entity="suspect" id={s.id} field="name" masked={s.name} canReveal={canReveal} />
                    <Badge tone={TONE[s.status]}>{t(`suspectStatus.${s.status}`)}</Badge>
                    <Pii entity="suspect" id={s.id} field="phone" masked={s.phone} canReveal={canReveal} />
                    <Pii entity="suspect" id={s.id} field="idNumber" masked={s.idNumber} canReveal={canReveal} />
                    {s.gang ? <span className="text-xs text-slate-600">{t("suspects.gang")}：{s.gang.name}</span> : null}
                  </div>
                  <p className="mt-1 text-xs text-slate-600">{dates.join(" · ")}{s.note ? ` · ${s.note}` : ""}</p>
                  {s.otherCases.length ? (
                    <p className="text-xs text-slate-500">
                      {t("suspects.otherCases")}：
                      {s.otherCases.map((o) => <Link key={o.id} href={`/cases/${o.id}`} className="mr-2 font-mono text-brand-700 hover:underline">{o.caseNumber}</Link>)}
                    </p>
                  ) : null}
                  {canUpdate ? (
                    <div className="mt-1 flex flex-wrap gap-x-6">
                      {SUSPECT_TRANSITIONS[s.status].length > 0 ? (
                        <details>
                          <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700">{t("suspects.move")}</summary>
                          <RecordForm
                            action={suspectStatusAction} hidden={{ id: c.id, subId: s.id, version: s.version }} submit={t("suspects.move")} saved={t("freezes.saved")} testId="suspect-status"
                            fields={[
                              { name: "status", label: t("suspects.newStatus"), type: "select", required: true, options: SUSPECT_TRANSITIONS[s.status].map((x) => ({ value: x, label: t(`suspectStatus.${x}`) })) },
                              { name: "at", label: t("suspects.at"), type: "datetime-local", hint: t("suspects.atHint") },
                            ]}
                          />
                        </details>
                      ) : null}
                      {gangOptions.length > 0 ? (
                        <details>
                          <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700">{t("suspects.setGang")}</summary>
                          <RecordForm
                            action={suspectGangAction} hidden={{ id: c.id, subId: s.id, version: s.version }} submit={t("suspects.setGang")} saved={t("freezes.saved")}
                            fields={[{ name: "gangId", label: t("suspects.gang"), type: "select", options: gangOptions, defaultValue: s.gang?.id ?? "" }]}
                          />
                        </details>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section
        id="gangs" title={t("detail.sections.gangs")} count={c.gangs.length} formLabel={t("gangs.create")}
        form={canWrite ? (
          <div className="space-y-4">
            <RecordForm
              action={gangAction} hidden={{ id: c.id }} submit={t("gangs.create")} saved={t("gangs.created")} testId="gang-form"
              fields={[{ name: "name", label: t("gangs.name") }, { name: "note", label: t("gangs.note"), wide: true }]}
            />
            {choices.gangs.some((g) => !g.linked) ? (
              <RecordForm
                action={gangAction} hidden={{ id: c.id }} submit={t("gangs.link")} saved={t("gangs.created")}
                fields={[{ name: "gangId", label: t("gangs.linkChoice"), type: "select", required: true, options: choices.gangs.filter((g) => !g.linked).map((g) => ({ value: g.id, label: g.name })) }]}
              />
            ) : null}
          </div>
        ) : undefined}
      >
        {c.gangs.length === 0 ? <Empty>{t("detail.none")}</Empty> : (
          <ul className="space-y-1 text-sm">
            {c.gangs.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center gap-2">
                <Link href="/cases/gangs" className="font-medium text-brand-700 hover:underline">{g.name}</Link>
                {g.dismantledAt ? <Badge tone="green">{t("gangs.dismantled", { date: format.dateTime(g.dismantledAt, { dateStyle: "short" }) })}</Badge> : <Badge tone="amber">{t("gangs.active")}</Badge>}
                <span className="text-xs text-slate-500">{t("gangs.memberCount", { count: g.members, cases: g.cases })}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
