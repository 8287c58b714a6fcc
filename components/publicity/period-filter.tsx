import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { UnitOptions, type UnitOption } from "@/components/publicity/unit-options";
import { queryString } from "@/components/publicity/pager";
import { addDays, chinaToday } from "@/lib/time/china";

/** A GET form (works without JavaScript) choosing a unit and a period, with quick presets. */
export async function PeriodFilter({ path, units, unit, from, to }: { path: string; units: UnitOption[]; unit?: string; from: string; to: string }) {
  const t = await getTranslations("publicity.common");
  const today = chinaToday();
  const presets = [
    { label: t("thisMonth"), from: `${today.slice(0, 7)}-01`, to: today },
    { label: t("last30"), from: addDays(today, -29), to: today },
    { label: t("thisYear"), from: `${today.slice(0, 4)}-01-01`, to: today },
  ];
  return (
    <form method="get" action={path} className="mb-4 grid grid-cols-2 items-end gap-3 md:flex md:flex-wrap">
      <div className="col-span-2 md:w-64">
        <Field id="f-unit" label={t("unit")}>
          <Select id="f-unit" name="unit" defaultValue={unit ?? ""}>
            <option value="">{t("allUnits")}</option>
            <UnitOptions units={units} />
          </Select>
        </Field>
      </div>
      <Field id="f-from" label={t("from")}>
        <Input id="f-from" name="from" type="date" defaultValue={from} />
      </Field>
      <Field id="f-to" label={t("to")}>
        <Input id="f-to" name="to" type="date" defaultValue={to} />
      </Field>
      <Button type="submit" className="col-span-2 md:col-span-1">{t("apply")}</Button>
      <div className="col-span-2 flex flex-wrap gap-2 text-sm md:ml-2">
        {presets.map((p) => (
          <Link key={p.label} href={`${path}${queryString({ unit, from: p.from, to: p.to })}`} className="inline-flex min-h-10 items-center rounded-md px-2 text-brand-700 hover:bg-brand-50">
            {p.label}
          </Link>
        ))}
      </div>
    </form>
  );
}
