"use client";

import { useTranslations } from "next-intl";
import { decideAppealAction, takeAppealAction, withdrawAppealAction } from "@/app/(app)/publicity/appeals/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ActionButton, FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

const textarea = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 md:text-sm";

type Props = { id: string; version: number; status: "RECEIVED" | "UNDER_REVIEW"; registeredByMe: boolean; reviewingByOther: boolean };

/**
 * The open appeal's steps. Whoever registered it sees why they cannot review or decide it
 * (双人审核) and may only record a withdrawal; the server enforces the same rule.
 */
export function AppealDecision({ id, version, status, registeredByMe, reviewingByOther }: Props) {
  const t = useTranslations("appeals");
  const mayDecide = !registeredByMe && !reviewingByOther;
  return (
    <div className="grid gap-6">
      {registeredByMe ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="second-person-note">{t("detail.secondPerson")}</p>
      ) : null}
      {mayDecide && status === "RECEIVED" ? (
        <ActionButton action={takeAppealAction} fields={{ id, version }} namespace="appeals" className="min-h-11" variant="secondary">{t("detail.take")}</ActionButton>
      ) : null}
      {mayDecide ? <DecideForm id={id} version={version} /> : null}
      <WithdrawForm id={id} version={version} />
    </div>
  );
}

function DecideForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("appeals");
  const { state, pending, formProps } = useFormAction(decideAppealAction);
  const err = useFieldError(state, "appeals");
  return (
    <form {...formProps} className="grid gap-4" data-testid="decide-form">
      <h3 className="text-sm font-semibold">{t("detail.decideTitle")}</h3>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="grid gap-2" aria-invalid={!!err("decision") || undefined}>
        <legend className="sr-only">{t("fields.decision")}</legend>
        {(["UPHELD", "REVOKED"] as const).map((d) => (
          <label key={d} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm">
            <input type="radio" name="decision" value={d} className="size-4" />
            {d === "UPHELD" ? t("detail.uphold") : t("detail.revoke")}
          </label>
        ))}
        {err("decision") ? <p className="text-sm text-red-700">{err("decision")}</p> : null}
        <p className="text-xs text-slate-500">{t("detail.revokeWarning")}</p>
      </fieldset>
      <Field id="reason" label={`${t("fields.reason")} *`} error={err("reason")}>
        <textarea id="reason" name="reason" rows={3} maxLength={2000} className={textarea} aria-invalid={!!err("reason") || undefined} />
      </Field>
      <div className="flex flex-col gap-3 md:flex-row md:items-center">
        <Button type="submit" disabled={pending} className="min-h-11">{t("detail.decide")}</Button>
        <FormStatus state={state} namespace="appeals" shown={["decision", "reason"]} />
      </div>
    </form>
  );
}

function WithdrawForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("appeals");
  const { state, pending, formProps } = useFormAction(withdrawAppealAction);
  const err = useFieldError(state, "appeals");
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{t("detail.withdrawTitle")}</summary>
      <form {...formProps} className="mt-2 grid gap-3" data-testid="withdraw-form">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <Field id="withdrawReason" label={t("fields.withdrawReason")} error={err("reason")}>
          <textarea id="withdrawReason" name="reason" rows={2} maxLength={2000} className={textarea} />
        </Field>
        <div className="flex flex-col gap-3 md:flex-row md:items-center">
          <Button type="submit" variant="secondary" disabled={pending} className="min-h-11">{t("detail.withdraw")}</Button>
          <FormStatus state={state} namespace="appeals" shown={["reason"]} />
        </div>
      </form>
    </details>
  );
}
