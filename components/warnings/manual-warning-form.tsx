"use client";

import { useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ContactChannel, FraudType, Gender, RiskLevel } from "@/lib/generated/prisma/enums";
import { createManualWarningAction } from "@/app/(app)/warnings/actions";
import type { ManualWarning } from "@/lib/warnings/ingest";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

/** A dispatcher's form for a 96110 caller or a walk-in; the same checks as the ingestion API. */
export function ManualWarningForm() {
  const t = useTranslations("warnings");
  const router = useRouter();
  const { state, pending, formProps } = useFormAction(createManualWarningAction);
  const fieldError = useFieldError(state);
  const made = state?.ok ? (state.data as ManualWarning) : null;
  const merged = made?.mergedInto ? { id: made.id, ...made.mergedInto } : null;
  useEffect(() => {
    // A new warning opens; an entry merged into an open one stays here and says where it went.
    if (made && !made.mergedInto) router.push(`/warnings/${made.id}`);
  }, [made, router]);
  // Field names are the ingestion schema's paths (victim.phone …), so an error names its field.
  const idOf = (name: string) => name.replace(/\./g, "-");
  const text = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <Field id={idOf(name)} label={label} error={fieldError(name)}>
      <Input id={idOf(name)} name={name} invalid={!!fieldError(name)} {...props} />
    </Field>
  );
  const select = (name: string, label: string, values: readonly string[], labelOf: (v: string) => string, def?: string) => (
    <Field id={idOf(name)} label={label} error={fieldError(name)}>
      <Select id={idOf(name)} name={name} defaultValue={def}>
        {values.map((v) => <option key={v} value={v}>{labelOf(v)}</option>)}
      </Select>
    </Field>
  );
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-3">
      {select("source", t("manual.source"), ["HOTLINE", "WALK_IN"], (v) => t(`source.${v}`))}
      {select("riskLevel", t("manual.riskLevel"), Object.values(RiskLevel), (v) => t(`risk.${v}`), "HIGH")}
      {select("fraudType", t("manual.fraudType"), Object.values(FraudType), (v) => t(`fraudType.${v}`))}
      {text("victim.name", t("manual.victimName"), { maxLength: 64 })}
      {text("victim.phone", t("manual.victimPhone"), { inputMode: "tel", required: true, maxLength: 20 })}
      {text("victim.idNumber", t("manual.victimIdNumber"), { maxLength: 18 })}
      {text("victim.age", t("manual.victimAge"), { inputMode: "numeric", maxLength: 3 })}
      {select("victim.gender", t("manual.victimGender"), Object.values(Gender), (v) => t(`gender.${v}`), "UNKNOWN")}
      {text("victim.address", t("manual.victimAddress"), { maxLength: 255 })}
      {select("contact.channel", t("manual.contactChannel"), Object.values(ContactChannel), (v) => t(`channel.${v}`))}
      {text("contact.value", t("manual.contactValue"), { required: true, maxLength: 128 })}
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
