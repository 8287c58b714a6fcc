"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { PERSON_LABELS } from "@/lib/persons/label-constants";
import { createOutreachAction } from "@/app/(app)/field/vulnerable/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

/** 发起定向走访: label, unit, days without contact → one task per person on their precinct's list. */
export function CreateOutreachForm() {
  const t = useTranslations("vulnerable");
  const [made, setMade] = useState<number | null>(null);
  const { state, pending, formProps } = useFormAction<{ id: string; tasks: number }>(createOutreachAction, (s) => setMade(s?.ok ? s.data.tasks : null));
  const err = useFieldError(state, "vulnerable");
  return (
    <form {...formProps} className="grid gap-3 md:grid-cols-4 md:items-end" data-testid="outreach-create">
      <Field id="outreach-label" label={t("outreach.label")} error={err("label")}>
        <Select id="outreach-label" name="label" defaultValue="ELDERLY_ALONE" className="min-h-12 text-base">
          {PERSON_LABELS.map((l) => <option key={l} value={l}>{t(`labels.${l}`)}</option>)}
        </Select>
      </Field>
      <Field id="outreach-days" label={t("outreach.notContactedDays")} error={err("notContactedDays")}>
        <Input id="outreach-days" name="notContactedDays" type="number" inputMode="numeric" min={1} defaultValue={90} className="min-h-12 text-base" invalid={!!err("notContactedDays")} />
      </Field>
      <Field id="outreach-unit" label={t("outreach.unit")} error={err("unit")}>
        <Input id="outreach-unit" name="unit" maxLength={12} autoComplete="off" className="min-h-12 text-base font-mono" invalid={!!err("unit")} />
      </Field>
      <div className="space-y-1">
        <Button type="submit" disabled={pending} className="min-h-11 w-full">{t("outreach.submit")}</Button>
        <FormStatus state={state} namespace="vulnerable" shown={["notContactedDays", "unit"]} savedText={made !== null ? t("outreach.created", { n: made }) : undefined} />
      </div>
    </form>
  );
}
