"use client";

import { useTranslations } from "next-intl";
import { createMeasureAction, updateMeasureAction } from "@/app/(app)/publicity/measures/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { UnitOptions, type UnitOption } from "@/components/publicity/unit-options";
import { MEASURE_KINDS } from "@/lib/publicity/enums";
import type { MeasureDto } from "@/lib/publicity/measures";

const textarea = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 md:text-sm";

/** Records or edits an art. 38 measure. On edit the identity is never sent to the browser in full. */
export function MeasureForm({ units, defaultUnit, today, measure }: { units: UnitOption[]; defaultUnit: string; today: string; measure?: MeasureDto }) {
  const t = useTranslations("publicity");
  const { state, pending, formProps } = useFormAction<unknown>(measure ? updateMeasureAction : createMeasureAction);
  const err = useFieldError(state, "publicity");
  const req = (label: string) => `${label} *`;
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-2" data-testid="measure-form">
      {measure ? (
        <>
          <input type="hidden" name="id" value={measure.id} />
          <input type="hidden" name="version" value={measure.version} />
        </>
      ) : null}
      <Field id="personName" label={measure ? t("fields.personName") : req(t("fields.personName"))} error={err("personName")}
        hint={measure ? t("measures.identityHint", { masked: measure.personName }) : undefined}>
        <Input id="personName" name="personName" maxLength={64} autoComplete="off" invalid={!!err("personName")} className="min-h-11" />
      </Field>
      <Field id="personIdNumber" label={t("fields.personIdNumber")} error={err("personIdNumber")}
        hint={measure ? t("measures.identityHint", { masked: measure.personIdNumber ?? t("measures.noIdNumber") }) : undefined}>
        <Input id="personIdNumber" name="personIdNumber" maxLength={18} autoComplete="off" invalid={!!err("personIdNumber")} className="min-h-11 font-mono" />
      </Field>
      <Field id="measure" label={req(t("fields.measure"))} error={err("measure")}>
        <Select id="measure" name="measure" defaultValue={measure?.measure ?? ""} invalid={!!err("measure")} className="min-h-11">
          <option value="" disabled>—</option>
          {MEASURE_KINDS.map((k) => <option key={k} value={k}>{t(`measureKinds.${k}`)}</option>)}
        </Select>
      </Field>
      <Field id="unitCode" label={req(t("fields.unit"))} error={err("unitCode")}>
        <Select id="unitCode" name="unitCode" defaultValue={measure?.unitCode ?? defaultUnit} className="min-h-11">
          <UnitOptions units={units} />
        </Select>
      </Field>
      <Field id="startsOn" label={req(t("fields.startsOn"))} error={err("startsOn")}>
        <Input id="startsOn" name="startsOn" type="date" defaultValue={measure?.startsOn ?? today} invalid={!!err("startsOn")} className="min-h-11" />
      </Field>
      <Field id="endsOn" label={t("fields.endsOn")} error={err("endsOn")}>
        <Input id="endsOn" name="endsOn" type="date" defaultValue={measure?.endsOn ?? ""} invalid={!!err("endsOn")} className="min-h-11" />
      </Field>
      <Field id="caseNumber" label={t("fields.caseNumber")} error={err("caseNumber")}>
        <Input id="caseNumber" name="caseNumber" maxLength={32} defaultValue={measure?.caseNumber ?? ""} invalid={!!err("caseNumber")} className="min-h-11 font-mono" />
      </Field>
      <div className="md:col-span-2">
        <Field id="reason" label={req(t("fields.reason"))} error={err("reason")}>
          <textarea id="reason" name="reason" rows={3} maxLength={2000} defaultValue={measure?.reason ?? ""} className={textarea} aria-invalid={!!err("reason") || undefined} />
        </Field>
      </div>
      <div className="flex flex-col gap-3 md:col-span-2 md:flex-row md:items-center">
        <Button type="submit" disabled={pending} className="min-h-11">{pending ? t("common.saving") : measure ? t("common.save") : t("measures.new")}</Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
