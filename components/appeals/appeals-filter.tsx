import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { UnitOptions, type UnitOption } from "@/components/publicity/unit-options";
import { APPEAL_FLAGS, APPEAL_STATUSES, type AppealsQuery } from "@/lib/appeals/schemas";

export async function AppealsFilter({ q, units }: { q: AppealsQuery; units: UnitOption[] }) {
  const t = await getTranslations("appeals");
  const tp = await getTranslations("publicity");
  return (
    <form method="get" action="/publicity/appeals" className="mb-4 grid grid-cols-2 items-end gap-3 md:flex md:flex-wrap" data-testid="appeals-filter">
      <div className="col-span-2 md:w-56">
        <Field id="af-unit" label={tp("common.unit")}>
          <Select id="af-unit" name="unit" defaultValue={q.unit ?? ""} className="min-h-11">
            <option value="">{tp("common.allUnits")}</option>
            <UnitOptions units={units} />
          </Select>
        </Field>
      </div>
      <Field id="af-status" label={t("fields.status")}>
        <Select id="af-status" name="status" defaultValue={q.status ?? ""} className="min-h-11">
          <option value="">{t("list.allStatuses")}</option>
          {APPEAL_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
        </Select>
      </Field>
      <Field id="af-flag" label={t("fields.flag")}>
        <Select id="af-flag" name="flag" defaultValue={q.flag ?? ""} className="min-h-11">
          <option value="">{t("list.allFlags")}</option>
          {APPEAL_FLAGS.map((f) => <option key={f} value={f}>{t(`flags.${f}`)}</option>)}
        </Select>
      </Field>
      <Button type="submit" className="col-span-2 min-h-11 md:col-span-1">{t("list.apply")}</Button>
    </form>
  );
}
