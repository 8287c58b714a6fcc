"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { createEventAction, updateEventAction } from "@/app/(app)/publicity/events/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { UnitOptions, type UnitOption } from "@/components/publicity/unit-options";
import { PUBLICITY_KINDS, TARGET_GROUPS } from "@/lib/publicity/enums";
import type { EventDto } from "@/lib/publicity/events";

// Officers fill this in on site, on a phone: one column, 44 px controls, 16 px text (no zoom on
// focus), numeric keyboards for counts.
const big = "min-h-11 text-base md:text-sm";
const textarea = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 md:text-sm";

/** A new event's fields filled in beforehand (the surge alert's "target this group" shortcut). */
export type EventPrefill = { title: string; targetGroup: string; note: string };

export function EventForm({ units, defaultUnit, today, event, prefill }: { units: UnitOption[]; defaultUnit: string; today: string; event?: EventDto; prefill?: EventPrefill }) {
  const t = useTranslations("publicity");
  const { state, pending, formProps } = useFormAction<unknown>(event ? updateEventAction : createEventAction);
  const err = useFieldError(state, "publicity");
  const required = (label: string) => `${label} *`;
  const num = (name: "audienceCount" | "appRegistrations" | "materialsCount" | "volunteers", req = false) => (
    <Field id={name} label={req ? required(t(`fields.${name}`)) : t(`fields.${name}`)} error={err(name)}>
      <Input
        id={name} name={name} type="text" inputMode="numeric" pattern="[0-9]*" autoComplete="off"
        defaultValue={event ? String(event[name]) : req ? "" : "0"} invalid={!!err(name)} className={big}
      />
    </Field>
  );
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-2" data-testid="event-form">
      {event ? (
        <>
          <input type="hidden" name="id" value={event.id} />
          <input type="hidden" name="version" value={event.version} />
        </>
      ) : null}
      <Field id="title" label={required(t("fields.title"))} error={err("title")}>
        <Input id="title" name="title" maxLength={128} defaultValue={event?.title ?? prefill?.title} placeholder={t("events.titlePlaceholder")} invalid={!!err("title")} className={big} />
      </Field>
      <Field id="occurredOn" label={required(t("fields.occurredOn"))} error={err("occurredOn")}>
        <Input id="occurredOn" name="occurredOn" type="date" max={today} defaultValue={event?.occurredOn ?? today} invalid={!!err("occurredOn")} className={big} />
      </Field>
      <Field id="kind" label={required(t("fields.kind"))} error={err("kind")}>
        <Select id="kind" name="kind" defaultValue={event?.kind ?? ""} invalid={!!err("kind")} className={big}>
          <option value="" disabled>—</option>
          {PUBLICITY_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
        </Select>
      </Field>
      <Field id="targetGroup" label={required(t("fields.targetGroup"))} error={err("targetGroup")}>
        <Select id="targetGroup" name="targetGroup" defaultValue={event?.targetGroup ?? prefill?.targetGroup ?? ""} invalid={!!err("targetGroup")} className={big}>
          <option value="" disabled>—</option>
          {TARGET_GROUPS.map((g) => <option key={g} value={g}>{t(`groups.${g}`)}</option>)}
        </Select>
      </Field>
      <Field id="unitCode" label={required(t("fields.unit"))} error={err("unitCode")}>
        <Select id="unitCode" name="unitCode" defaultValue={event?.unitCode ?? defaultUnit} invalid={!!err("unitCode")} className={big}>
          <UnitOptions units={units} />
        </Select>
      </Field>
      <Field id="place" label={t("fields.place")} error={err("place")}>
        <Input id="place" name="place" maxLength={255} defaultValue={event?.place ?? ""} invalid={!!err("place")} className={big} />
      </Field>
      <div className="grid grid-cols-2 gap-4 md:col-span-2 md:grid-cols-4">
        {num("audienceCount", true)}
        {num("appRegistrations")}
        {num("materialsCount")}
        {num("volunteers")}
      </div>
      <div className="md:col-span-2">
        <Field id="note" label={t("fields.note")} error={err("note")}>
          <textarea id="note" name="note" rows={3} maxLength={2000} defaultValue={event?.note ?? prefill?.note ?? ""} placeholder={t("events.notePlaceholder")} className={textarea} />
        </Field>
      </div>
      <div className="flex flex-col gap-3 md:col-span-2 md:flex-row md:items-center">
        <Button type="submit" disabled={pending} className="min-h-12 w-full text-base md:w-auto">
          {pending ? t("common.saving") : event ? t("common.save") : t("events.new")}
        </Button>
        <FormStatus state={state} savedText={event ? undefined : t("events.saved")} />
        {state?.ok && !event ? <Link href="/publicity/events" className="text-sm text-brand-700 underline">{t("events.viewList")}</Link> : null}
      </div>
    </form>
  );
}
