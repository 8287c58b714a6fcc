"use client";

import { useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ContactChannel, FraudType, Gender, RiskLevel } from "@/lib/generated/prisma/enums";
import { createManualWarningAction } from "@/app/(app)/warnings/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

/** A dispatcher's form for a 96110 caller or a walk-in; the same checks as the ingestion API. */
export function ManualWarningForm() {
  const t = useTranslations("warnings");
  const router = useRouter();
  const { state, pending, formProps } = useFormAction(createManualWarningAction);
  const fieldError = useFieldError(state);
  const merged = state?.ok && state.id && state.notice ? { id: state.id, source: String(state.notice.source), externalId: String(state.notice.externalId), repeat: Number(state.notice.repeat) } : null;
  useEffect(() => {
    // A new warning opens; an entry merged into an open one stays here and says where it went.
    if (state?.ok && state.id && !state.notice) router.push(`/warnings/${state.id}`);
  }, [state, router]);
  const text = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <Field id={name} label={label} error={fieldError(name)}>
      <Input id={name} name={name} invalid={!!fieldError(name)} {...props} />
    </Field>
  );
  const select = (name: string, label: string, values: readonly string[], labelOf: (v: string) => string, def?: string) => (
    <Field id={name} label={label} error={fieldError(name)}>
      <Select id={name} name={name} defaultValue={def}>
        {values.map((v) => <option key={v} value={v}>{labelOf(v)}</option>)}
      </Select>
    </Field>
  );
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-3">
      {select("source", t("manual.source"), ["HOTLINE", "WALK_IN"], (v) => t(`source.${v}`))}
      {select("riskLevel", t("manual.riskLevel"), Object.values(RiskLevel), (v) => t(`risk.${v}`), "HIGH")}
      {select("fraudType", t("manual.fraudType"), Object.values(FraudType), (v) => t(`fraudType.${v}`))}
      {text("victimName", t("manual.victimName"), { maxLength: 64 })}
      {text("victimPhone", t("manual.victimPhone"), { inputMode: "tel", required: true, maxLength: 20 })}
      {text("victimIdNumber", t("manual.victimIdNumber"), { maxLength: 18 })}
      {text("victimAge", t("manual.victimAge"), { inputMode: "numeric", maxLength: 3 })}
      {select("victimGender", t("manual.victimGender"), Object.values(Gender), (v) => t(`gender.${v}`), "UNKNOWN")}
      {text("victimAddress", t("manual.victimAddress"), { maxLength: 255 })}
      {select("contactChannel", t("manual.contactChannel"), Object.values(ContactChannel), (v) => t(`channel.${v}`))}
      {text("contactValue", t("manual.contactValue"), { required: true, maxLength: 128 })}
      {text("amountAtRisk", t("manual.amountAtRisk"), { inputMode: "decimal", placeholder: "0.00" })}
      {text("unitCode", t("manual.unitCode"), { inputMode: "numeric", maxLength: 8 })}
      <div className="md:col-span-2">{text("note", t("manual.note"), { maxLength: 2000 })}</div>
      <div className="flex items-center gap-3 md:col-span-3">
        <Button type="submit" disabled={pending}>{t("manual.submit")}</Button>
        {merged ? null : <FormStatus state={state} savedText={t("manual.saved")} />}
      </div>
      {merged ? (
        <div role="status" data-testid="manual-merged" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 md:col-span-3">
          <p className="font-medium">
            {t("manual.merged", { number: `${t(`source.${merged.source}`)} · ${merged.externalId}`, n: merged.repeat })}
            {" "}<Link href={`/warnings/${merged.id}`} className="text-brand-600 underline">{t("manual.open")}</Link>
          </p>
          <p className="mt-1 text-xs">{t("manual.mergedHint")}</p>
        </div>
      ) : null}
    </form>
  );
}
