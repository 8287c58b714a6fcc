"use client";

import { useTranslations } from "next-intl";
import { registerAppealAction } from "@/app/(app)/publicity/appeals/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

const textarea = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 md:text-sm";
const FIELDS = ["appellantName", "appellantPhone", "appellantIdNumber", "receivedOn", "grounds", "evidence"];

/** Registers an appeal against one measure; one column on a phone. */
export function AppealForm({ measureId, today }: { measureId: string; today: string }) {
  const t = useTranslations("appeals");
  const { state, pending, formProps } = useFormAction<unknown>(registerAppealAction);
  const err = useFieldError(state, "appeals");
  const req = (label: string) => `${label} *`;
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-2" data-testid="appeal-form">
      <input type="hidden" name="measureId" value={measureId} />
      <Field id="appellantName" label={req(t("fields.appellantName"))} error={err("appellantName")}>
        <Input id="appellantName" name="appellantName" maxLength={64} autoComplete="off" invalid={!!err("appellantName")} className="min-h-11" />
      </Field>
      <Field id="receivedOn" label={req(t("fields.receivedOn"))} error={err("receivedOn")}>
        <Input id="receivedOn" name="receivedOn" type="date" max={today} defaultValue={today} invalid={!!err("receivedOn")} className="min-h-11" />
      </Field>
      <Field id="appellantPhone" label={t("fields.appellantPhone")} error={err("appellantPhone")}>
        <Input id="appellantPhone" name="appellantPhone" type="tel" inputMode="tel" maxLength={20} autoComplete="off" invalid={!!err("appellantPhone")} className="min-h-11 font-mono" />
      </Field>
      <Field id="appellantIdNumber" label={t("fields.appellantIdNumber")} error={err("appellantIdNumber")}>
        <Input id="appellantIdNumber" name="appellantIdNumber" maxLength={18} autoComplete="off" invalid={!!err("appellantIdNumber")} className="min-h-11 font-mono" />
      </Field>
      <div className="md:col-span-2">
        <Field id="grounds" label={req(t("fields.grounds"))} error={err("grounds")}>
          <textarea id="grounds" name="grounds" rows={4} maxLength={4000} className={textarea} aria-invalid={!!err("grounds") || undefined} />
        </Field>
      </div>
      <div className="md:col-span-2">
        <Field id="evidence" label={t("fields.evidence")} hint={t("fields.evidenceHint")} error={err("evidence")}>
          <textarea id="evidence" name="evidence" rows={3} className={textarea} aria-invalid={!!err("evidence") || undefined} />
        </Field>
      </div>
      <div className="flex flex-col gap-3 md:col-span-2 md:flex-row md:items-center">
        <Button type="submit" disabled={pending} className="min-h-11">{pending ? t("form.saving") : t("form.submit")}</Button>
        <FormStatus state={state} namespace="appeals" shown={FIELDS} />
      </div>
    </form>
  );
}
