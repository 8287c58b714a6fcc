import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { UnitOptions, type UnitOption } from "@/components/publicity/unit-options";
import { PUBLICITY_KINDS, TARGET_GROUPS } from "@/lib/publicity/enums";
import type { EventsQuery } from "@/lib/publicity/schemas";

/** The events page's filters as a GET form: the URL holds the state. */
export async function EventsFilter({ q, units, view, month }: { q: EventsQuery; units: UnitOption[]; view: "list" | "calendar"; month: string }) {
  const t = await getTranslations("publicity");
  return (
    <form method="get" action="/publicity/events" className="mb-4 grid grid-cols-2 items-end gap-3 md:flex md:flex-wrap" data-testid="events-filter">
      <input type="hidden" name="view" value={view} />
      <div className="col-span-2 md:w-56">
        <Field id="ef-unit" label={t("common.unit")}>
          <Select id="ef-unit" name="unit" defaultValue={q.unit ?? ""}>
            <option value="">{t("common.allUnits")}</option>
            <UnitOptions units={units} />
          </Select>
        </Field>
      </div>
      <Field id="ef-kind" label={t("fields.kind")}>
        <Select id="ef-kind" name="kind" defaultValue={q.kind ?? ""}>
          <option value="">{t("events.placeholderAll")}</option>
          {PUBLICITY_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
        </Select>
      </Field>
      <Field id="ef-group" label={t("fields.targetGroup")}>
        <Select id="ef-group" name="group" defaultValue={q.group ?? ""}>
          <option value="">{t("events.placeholderAll")}</option>
          {TARGET_GROUPS.map((g) => <option key={g} value={g}>{t(`groups.${g}`)}</option>)}
        </Select>
      </Field>
      {view === "calendar" ? (
        <Field id="ef-month" label={t("common.month")}>
          <Input id="ef-month" name="month" type="month" defaultValue={month} />
        </Field>
      ) : (
        <>
          <Field id="ef-from" label={t("common.from")}>
            <Input id="ef-from" name="from" type="date" defaultValue={q.from} />
          </Field>
          <Field id="ef-to" label={t("common.to")}>
            <Input id="ef-to" name="to" type="date" defaultValue={q.to} />
          </Field>
          <div className="col-span-2 md:w-48">
            <Field id="ef-q" label={t("fields.q")}>
              <Input id="ef-q" name="q" type="search" maxLength={64} defaultValue={q.q} />
            </Field>
          </div>
        </>
      )}
      <Button type="submit" className="col-span-2 md:col-span-1">{t("common.apply")}</Button>
    </form>
  );
}
