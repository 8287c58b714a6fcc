import { getFormatter, getTranslations } from "next-intl/server";
import { AlarmClock } from "lucide-react";
import type { CaseDetail } from "@/lib/cases/case-detail";
import { formatYuan } from "@/lib/cases/money";
import { FREEZE_KINDS } from "@/lib/cases/enums";
import { FREEZE_TRANSITIONS } from "@/lib/cases/state-machine";
import { requestFreezeAction, updateFreezeAction } from "@/app/(app)/cases/[id]/actions";
import { Badge } from "@/components/ui/card";
import { RecordForm } from "@/components/cases/form-kit";
import { formatDuration } from "@/components/cases/format";
import { Pii } from "@/components/cases/detail/pii";
import { Empty, Section } from "@/components/cases/detail/section";

const TONE = { REQUESTED: "amber", EXECUTED: "blue", PARTIAL: "blue", FAILED: "red", EXPIRED: "slate", RELEASED: "green" } as const;

/** 紧急止付 / 冻结 per account: amounts requested and held, expiry, the flag before it lapses. */
export async function FreezesSection({ c, canWrite, canUpdate, canReveal, now }: { c: CaseDetail; canWrite: boolean; canUpdate: boolean; canReveal: boolean; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  return (
    <Section
      id="freezes" title={t("detail.sections.freezes")} count={c.freezes.length} formLabel={t("freezes.add")}
      form={canWrite ? (
        <RecordForm
          action={requestFreezeAction} hidden={{ id: c.id }} submit={t("freezes.add")} saved={t("freezes.added")} testId="freeze-form"
          fields={[
            { name: "kind", label: t("freezes.kind"), type: "select", required: true, options: FREEZE_KINDS.map((k) => ({ value: k, label: t(`freezeKind.${k}`) })) },
            { name: "bankName", label: t("freezes.bank") },
            { name: "accountName", label: t("freezes.accountName") },
            { name: "accountNumber", label: t("freezes.account"), inputMode: "numeric" },
            { name: "amountRequested", label: t("freezes.requested"), inputMode: "decimal", placeholder: "0.00" },
            { name: "expiresAt", label: t("freezes.newExpiresAt"), type: "datetime-local", hint: t("freezes.expiresHint") },
          ]}
        />
      ) : undefined}
    >
      {c.freezes.length === 0 ? <Empty>{t("freezes.empty")}</Empty> : (
        <ul className="divide-y divide-slate-100">
          {c.freezes.map((f) => {
            const next = FREEZE_TRANSITIONS[f.status];
            return (
              <li key={f.id} className="py-3" data-freeze={f.id}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <Badge tone={TONE[f.status]}>{t(`freezeKind.${f.kind}`)} · {t(`freezeStatus.${f.status}`)}</Badge>
                  <span>{f.bankName}</span>
                  <Pii entity="freeze" id={f.id} field="accountNumber" masked={f.accountNumber} canReveal={canReveal} />
                  <Pii entity="freeze" id={f.id} field="accountName" masked={f.accountName} canReveal={canReveal} />
                  {f.expiring && f.expiresAt ? (
                    <span className="inline-flex items-center gap-1 rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" data-testid="freeze-expiring">
                      <AlarmClock className="size-3.5" aria-hidden />
                      {t("freezes.expiring", { left: formatDuration(f.expiresAt.getTime() - now.getTime(), t) })}
                    </span>
                  ) : null}
                </div>
                <dl className="mt-1 grid grid-cols-2 gap-x-4 text-xs text-slate-600 sm:grid-cols-4">
                  <div><dt className="inline text-slate-500">{t("freezes.requested")}：</dt><dd className="inline font-mono">{formatYuan(f.amountRequested)}</dd></div>
                  <div><dt className="inline text-slate-500">{t("freezes.held")}：</dt><dd className="inline font-mono">{formatYuan(f.amountHeld)}</dd></div>
                  <div><dt className="inline text-slate-500">{t("freezes.executedAt")}：</dt><dd className="inline">{when(f.executedAt)}</dd></div>
                  <div><dt className="inline text-slate-500">{t("freezes.expiresAt")}：</dt><dd className="inline">{when(f.expiresAt)}</dd></div>
                </dl>
                {canUpdate && next.length > 0 ? (
                  <details className="mt-2">
                    <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700">{t("freezes.answer")}</summary>
                    <RecordForm
                      action={updateFreezeAction} hidden={{ id: c.id, subId: f.id, version: f.version }} submit={t("freezes.answer")} saved={t("freezes.saved")} testId="freeze-answer"
                      fields={[
                        { name: "status", label: t("freezes.newStatus"), type: "select", required: true, options: next.map((s) => ({ value: s, label: t(`freezeStatus.${s}`) })) },
                        ...(f.status === "REQUESTED" ? [
                          { name: "amountHeld", label: t("freezes.amountHeld"), inputMode: "decimal" as const, hint: t("freezes.amountHeldHint") },
                          { name: "executedAt", label: t("freezes.executedAt"), type: "datetime-local" as const, hint: t("suspects.atHint") },
                          { name: "expiresAt", label: t("freezes.newExpiresAt"), type: "datetime-local" as const, hint: t("freezes.expiresHint") },
                        ] : []),
                      ]}
                    />
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
