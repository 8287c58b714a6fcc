"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CheckCircle2 } from "lucide-react";
import { FraudType } from "@/lib/generated/prisma/enums";
import { counterInterceptAction } from "@/app/(app)/field/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { bigInput, CheckRow, TextArea } from "@/components/field/controls";
import { useFieldError } from "@/components/ui/action-form";
import { SubmitFooter, useResilientForm } from "@/components/field/resilient-form";

type Props = { warningId?: string; fraudType?: string; officer: string; now: string; today: string; maxFollowUp: string };

/** 临柜拦截: a bank counter interception, standalone or for the warning that preceded it. */
export function InterceptForm({ warningId, fraudType, officer, now, today, maxFollowUp }: Props) {
  const t = useTranslations("field.intercept");
  const tv = useTranslations("field.visit");
  const tw = useTranslations("warnings");
  const [saved, setSaved] = useState(0);
  const form = useResilientForm(counterInterceptAction, () => setSaved((n) => n + 1));
  const err = useFieldError(form.state, "field");
  const text = (name: string, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={`ci-${name}`} label={label} hint={hint} error={err(name)}>
      <Input id={`ci-${name}`} name={name} className={bigInput} invalid={!!err(name)} {...props} />
    </Field>
  );

  if (saved > 0) {
    return (
      <div role="status" data-testid="intercept-saved" className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4">
        <p className="flex items-center gap-2 text-lg font-semibold text-green-900">
          <CheckCircle2 className="size-6" aria-hidden />
          {t("saved")}
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          <Link href="/field" className="inline-flex min-h-12 items-center justify-center rounded-md bg-brand-600 px-4 text-base font-medium text-white">{tv("back")}</Link>
          {warningId ? null : <Button variant="secondary" className="min-h-12 text-base" onClick={() => setSaved(0)}>{t("another")}</Button>}
        </div>
      </div>
    );
  }

  return (
    <form {...form.formProps} aria-label={t("title")} className="space-y-5">
      {warningId ? <input type="hidden" name="warningId" value={warningId} /> : null}
      <Field id="ci-occurredAt" label={t("occurredAt")} error={err("occurredAt")}>
        <Input id="ci-occurredAt" name="occurredAt" type="datetime-local" defaultValue={now} max={now} className={bigInput} invalid={!!err("occurredAt")} />
      </Field>
      {text("bankName", t("bankName"), { maxLength: 64, placeholder: t("bankPlaceholder") })}
      {text("bankBranch", t("bankBranch"), { maxLength: 128 })}
      {text("customerName", t("customerName"), { maxLength: 64 })}
      {text("customerPhone", t("customerPhone"), { inputMode: "tel", maxLength: 20 })}
      {text("customerIdNumber", t("customerIdNumber"), { maxLength: 18 }, t("piiHint"))}
      {text("amountProtected", t("amount"), { inputMode: "decimal", placeholder: "0.00" })}
      <Field id="ci-fraudType" label={t("fraudType")} error={err("fraudType")}>
        <Select id="ci-fraudType" name="fraudType" defaultValue={fraudType ?? ""} className={bigInput} invalid={!!err("fraudType")}>
          <option value="">—</option>
          {Object.values(FraudType).map((f) => <option key={f} value={f}>{tw(`fraudType.${f}`)}</option>)}
        </Select>
      </Field>
      <CheckRow id="ci-app" name="appRegistered" label={tv("app")} hint={tv("appHint")} />
      <CheckRow id="ci-relatives" name="relativesContacted" label={tv("relatives")} />
      <Field id="ci-followUpOn" label={tv("followUpOn")} hint={tv("followUpHint")} error={err("followUpOn")}>
        <Input id="ci-followUpOn" name="followUpOn" type="date" min={today} max={maxFollowUp} className={bigInput} invalid={!!err("followUpOn")} />
      </Field>
      <Field id="ci-note" label={tv("note")} error={err("note")}>
        <TextArea id="ci-note" name="note" maxLength={2000} rows={3} invalid={!!err("note")} />
      </Field>
      <p className="text-sm text-slate-600">{t("officer", { name: officer })}</p>
      <SubmitFooter form={form} label={t("submit")} saving={tv("saving")} />
    </form>
  );
}
