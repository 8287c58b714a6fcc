"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Plus, Trash2 } from "lucide-react";
import { createCaseAction } from "@/app/(app)/cases/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/action-form";
import { FRAUD_TYPES, GENDERS, REPORT_SOURCES } from "@/lib/cases/enums";
import { FormStatus, useFieldError } from "@/components/ui/action-form";

/** Rows keep a stable key so removing one does not shift what the others hold. */
let nextKey = 1;
const row = () => nextKey++;

/** 受理报案: the report, one or more victims, the accounts the money went to. */
export function IntakeForm() {
  const t = useTranslations("cases");
  const router = useRouter();
  // A retried submit (a double click, a lost answer) opens the case once; a new key for the next report.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const { state, pending, formProps } = useFormAction(createCaseAction, (s) => {
    if (s?.ok) setKey(crypto.randomUUID());
  });
  const err = useFieldError(state, "cases");
  const [victims, setVictims] = useState<number[]>(() => [row()]);
  const [accounts, setAccounts] = useState<number[]>(() => [row()]);

  useEffect(() => {
    if (state?.ok) router.push(`/cases/${state.data.id}`);
  }, [state, router]);

  const shown = ["source", "fraudType", "summary", "lossAt", "reportedAt", "victims",
    ...victims.flatMap((_, i) => ["name", "phone", "idNumber", "gender", "age", "address", "lossAmount"].map((f) => `victims.${i}.${f}`)),
    ...accounts.flatMap((_, i) => ["bankName", "accountName", "accountNumber", "amount"].map((f) => `accounts.${i}.${f}`))];

  const input = (name: string, label: string, props: Parameters<typeof Input>[0] = {}, hint?: string) => (
    <Field id={name} label={label} error={err(name)} hint={hint}>
      <Input id={name} name={name} invalid={!!err(name)} {...props} />
    </Field>
  );

  return (
    <form {...formProps} className="space-y-5" data-testid="intake-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Card className="grid gap-4 p-5 md:grid-cols-2">
        <h2 className="text-base font-semibold md:col-span-2">{t("intake.basics")}</h2>
        <Field id="source" label={t("intake.source")} error={err("source")}>
          <Select id="source" name="source" defaultValue="HOTLINE_110">
            {REPORT_SOURCES.map((s) => <option key={s} value={s}>{t(`source.${s}`)}</option>)}
          </Select>
        </Field>
        <Field id="fraudType" label={t("intake.fraudType")} error={err("fraudType")}>
          <Select id="fraudType" name="fraudType" defaultValue="">
            <option value="" disabled>{t("form.choose")}</option>
            {FRAUD_TYPES.map((f) => <option key={f} value={f}>{t(`fraudType.${f}`)}</option>)}
          </Select>
        </Field>
        <div className="md:col-span-2">
          <Field id="summary" label={t("intake.summary")} hint={t("intake.summaryHint")} error={err("summary")}>
            <textarea
              id="summary" name="summary" rows={4} maxLength={4000} aria-invalid={!!err("summary") || undefined}
              className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${err("summary") ? "border-red-500" : "border-slate-300"}`}
            />
          </Field>
        </div>
        {input("lossAt", t("intake.lossAt"), { type: "datetime-local" })}
        {input("reportedAt", t("intake.reportedAt"), { type: "datetime-local" }, t("intake.reportedAtHint"))}
      </Card>

      <Card className="space-y-4 p-5">
        <h2 className="text-base font-semibold">{t("intake.victims")}</h2>
        {err("victims") ? <p role="alert" className="text-sm text-red-600">{err("victims")}</p> : null}
        {victims.map((key, i) => (
          <fieldset key={key} className="grid gap-3 rounded-md border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4" data-testid={`victim-${i}`}>
            <legend className="px-1 text-sm font-medium text-slate-700">{t("intake.victimN", { n: i + 1 })}</legend>
            {input(`victims.${i}.name`, t("intake.name"), { maxLength: 64, autoComplete: "off" })}
            {input(`victims.${i}.phone`, t("intake.phone"), { inputMode: "tel", maxLength: 20, autoComplete: "off" })}
            {input(`victims.${i}.idNumber`, t("intake.idNumber"), { maxLength: 18, autoComplete: "off" })}
            {input(`victims.${i}.lossAmount`, t("intake.lossAmount"), { inputMode: "decimal", placeholder: "0.00" })}
            <Field id={`victims.${i}.gender`} label={t("intake.gender")} error={err(`victims.${i}.gender`)}>
              <Select id={`victims.${i}.gender`} name={`victims.${i}.gender`} defaultValue="">
                <option value="">{t("form.choose")}</option>
                {GENDERS.map((g) => <option key={g} value={g}>{t(`gender.${g}`)}</option>)}
              </Select>
            </Field>
            {input(`victims.${i}.age`, t("intake.age"), { inputMode: "numeric", maxLength: 3 })}
            <div className="sm:col-span-2">{input(`victims.${i}.address`, t("intake.address"), { maxLength: 255, autoComplete: "off" })}</div>
            {victims.length > 1 ? (
              <div className="flex items-end">
                <Button variant="ghost" className="min-h-11" onClick={() => setVictims((v) => v.filter((k) => k !== key))}>
                  <Trash2 className="size-4" aria-hidden /> {t("intake.remove")}
                </Button>
              </div>
            ) : null}
          </fieldset>
        ))}
        <Button variant="secondary" className="min-h-11" onClick={() => setVictims((v) => [...v, row()])}>
          <Plus className="size-4" aria-hidden /> {t("intake.addVictim")}
        </Button>
      </Card>

      <Card className="space-y-4 p-5">
        <div>
          <h2 className="text-base font-semibold">{t("intake.accounts")}</h2>
          <p className="text-sm text-slate-500">{t("intake.accountsHint")}</p>
        </div>
        {accounts.map((key, i) => (
          <fieldset key={key} className="grid gap-3 rounded-md border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4" data-testid={`account-${i}`}>
            <legend className="px-1 text-sm font-medium text-slate-700">{t("intake.accountN", { n: i + 1 })}</legend>
            {input(`accounts.${i}.bankName`, t("intake.bankName"), { maxLength: 64 })}
            {input(`accounts.${i}.accountName`, t("intake.accountName"), { maxLength: 64, autoComplete: "off" })}
            {input(`accounts.${i}.accountNumber`, t("intake.accountNumber"), { inputMode: "numeric", maxLength: 40, autoComplete: "off" })}
            {input(`accounts.${i}.amount`, t("intake.amount"), { inputMode: "decimal", placeholder: "0.00" })}
            <div className="flex items-end sm:col-span-2 lg:col-span-4">
              <Button variant="ghost" className="min-h-11" onClick={() => setAccounts((a) => a.filter((k) => k !== key))}>
                <Trash2 className="size-4" aria-hidden /> {t("intake.remove")}
              </Button>
            </div>
          </fieldset>
        ))}
        <Button variant="secondary" className="min-h-11" onClick={() => setAccounts((a) => [...a, row()])}>
          <Plus className="size-4" aria-hidden /> {t("intake.addAccount")}
        </Button>
      </Card>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} className="min-h-11">
          {pending ? t("intake.submitting") : t("intake.submit")}
        </Button>
        <FormStatus state={state} namespace="cases" shown={shown} />
      </div>
    </form>
  );
}
