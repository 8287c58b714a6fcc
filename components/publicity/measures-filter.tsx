import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { UnitOptions, type UnitOption } from "@/components/publicity/unit-options";
import { MEASURE_KINDS } from "@/lib/publicity/enums";
import { MEASURE_STATES, type MeasuresQuery } from "@/lib/publicity/schemas";

export async function MeasuresFilter({ q, units }: { q: MeasuresQuery; units: UnitOption[] }) {
  const t = await getTranslations("publicity");
  return (
    <form method="get" action="/publicity/measures" className="mb-4 grid grid-cols-2 items-end gap-3 md:flex md:flex-wrap">
      <div className="col-span-2 md:w-56">
        <Field id="mf-unit" label={t("common.unit")}>
          <Select id="mf-unit" name="unit" defaultValue={q.unit ?? ""}>
            <option value="">{t("common.allUnits")}</option>
            <UnitOptions units={units} />
          </Select>
        </Field>
      </div>
      <Field id="mf-measure" label={t("fields.measure")}>
        <Select id="mf-measure" name="measure" defaultValue={q.measure ?? ""}>
          <option value="">{t("common.all")}</option>
          {MEASURE_KINDS.map((k) => <option key={k} value={k}>{t(`measureKinds.${k}`)}</option>)}
        </Select>
      </Field>
      <Field id="mf-state" label={t("fields.state")}>
        <Select id="mf-state" name="state" defaultValue={q.state ?? ""}>
          <option value="">{t("measures.stateAll")}</option>
          {MEASURE_STATES.map((s) => <option key={s} value={s}>{t(`measureStates.${s}`)}</option>)}
        </Select>
      </Field>
      <Field id="mf-from" label={`${t("fields.startsOn")} ≥`}>
        <Input id="mf-from" name="from" type="date" defaultValue={q.from} />
      </Field>
      <Field id="mf-to" label={`${t("fields.startsOn")} ≤`}>
        <Input id="mf-to" name="to" type="date" defaultValue={q.to} />
      </Field>
      <Button type="submit" className="col-span-2 md:col-span-1">{t("common.apply")}</Button>
    </form>
  );
}
