"use client";

import { useTranslations } from "next-intl";
import { setCountAction } from "@/app/(app)/publicity/counts/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { UnitOptions, type UnitOption } from "@/components/publicity/unit-options";
import { DAILY_METRICS, type DailyMetric } from "@/lib/publicity/enums";

/** One day's figure entered by hand. */
export function CountEntryForm({ units, defaultUnit, today }: { units: UnitOption[]; defaultUnit: string; today: string }) {
  const t = useTranslations("publicity");
  const { state, pending, formProps } = useFormAction(setCountAction);
  const err = useFieldError(state, "publicity");
  return (
    <form {...formProps} className="grid grid-cols-2 items-start gap-3 md:grid-cols-5" data-testid="count-form">
      <div className="col-span-2 md:col-span-1">
        <Field id="c-unit" label={t("fields.unit")} error={err("unitCode")}>
          <Select id="c-unit" name="unitCode" defaultValue={defaultUnit} className="min-h-11">
            <UnitOptions units={units} />
          </Select>
        </Field>
      </div>
      <div className="col-span-2 md:col-span-1">
        <Field id="c-metric" label={t("fields.metric")} error={err("metric")}>
          <Select id="c-metric" name="metric" defaultValue="APP_REGISTRATIONS" className="min-h-11">
            {DAILY_METRICS.map((m) => <option key={m} value={m}>{t(`metrics.${m}`)}</option>)}
          </Select>
        </Field>
      </div>
      <Field id="c-day" label={t("fields.day")} error={err("day")}>
        <Input id="c-day" name="day" type="date" max={today} defaultValue={today} invalid={!!err("day")} className="min-h-11" />
      </Field>
      <Field id="c-count" label={t("fields.count")} error={err("count")}>
        <Input id="c-count" name="count" inputMode="numeric" pattern="[0-9]*" invalid={!!err("count")} className="min-h-11" />
      </Field>
      <div className="col-span-2 flex flex-col gap-1 md:col-span-1 md:pt-6">
        <Button type="submit" disabled={pending} className="min-h-11">{pending ? t("common.saving") : t("common.save")}</Button>
        <FormStatus state={state} savedText={t("counts.saved")} />
      </div>
    </form>
  );
}

/** Correcting a stored figure: names the version it was read at (a concurrent change gives 409). */
export function CorrectCountForm({ unitCode, metric, day, count, version }: { unitCode: string; metric: DailyMetric; day: string; count: number; version: number }) {
  const t = useTranslations("publicity");
  const { state, pending, formProps } = useFormAction(setCountAction);
  const err = useFieldError(state, "publicity");
  const label = `${t(`metrics.${metric}`)} ${day}`;
  return (
    <form {...formProps} className="flex items-center justify-end gap-1.5">
      <input type="hidden" name="unitCode" value={unitCode} />
      <input type="hidden" name="metric" value={metric} />
      <input type="hidden" name="day" value={day} />
      <input type="hidden" name="version" value={version} />
      <input
        name="count" defaultValue={count} inputMode="numeric" aria-label={label} aria-invalid={!!err("count") || undefined}
        className="min-h-9 w-20 rounded border border-slate-300 px-2 text-right text-sm tabular-nums aria-invalid:border-red-500"
      />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>{t("counts.correct")}</Button>
      {state && !state.ok ? (err("count") ? <span className="text-xs text-red-600" role="alert">{err("count")}</span> : <div className="text-xs"><FormStatus state={state} /></div>) : null}
    </form>
  );
}
