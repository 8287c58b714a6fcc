import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { FraudType, RiskLevel, WarningSource } from "@/lib/generated/prisma/enums";
import type { QueueQuery } from "@/lib/warnings/schemas";
import type { UnitOption } from "@/lib/units/picker-options";
import { Button } from "@/components/ui/button";
import { UnitPickerField } from "@/components/warnings/unit-picker";

const control = "min-h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

/** The queue's filters: a plain GET form, so the state lives in the URL and survives reloads. */
export async function QueueFilters({ q, units }: { q: Partial<QueueQuery>; units: UnitOption[] }) {
  const t = await getTranslations("warnings");
  return (
    <form method="get" action="/warnings" className="mb-4 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">{t("filters.status")}</span>
        <select name="status" defaultValue={q.status ?? "open"} className={control}>
          <option value="open">{t("filters.open")}</option>
          {(["PENDING", "ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED"] as const).map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">{t("filters.risk")}</span>
        <select name="risk" defaultValue={q.risk ?? ""} className={control}>
          <option value="">—</option>
          {Object.values(RiskLevel).map((r) => <option key={r} value={r}>{t(`risk.${r}`)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">{t("filters.source")}</span>
        <select name="source" defaultValue={q.source ?? ""} className={control}>
          <option value="">—</option>
          {Object.values(WarningSource).map((s) => <option key={s} value={s}>{t(`source.${s}`)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">{t("filters.fraudType")}</span>
        <select name="fraudType" defaultValue={q.fraudType ?? ""} className={control}>
          <option value="">—</option>
          {Object.values(FraudType).map((f) => <option key={f} value={f}>{t(`fraudType.${f}`)}</option>)}
        </select>
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-unit" className="text-xs text-slate-500">{t("filters.unit")}</label>
        {/* A branch's code takes in its precincts; the picker searches names, pinyin initials and codes. */}
        <UnitPickerField id="filter-unit" name="unit" units={units} defaultValue={q.unit ?? ""} blankLabel={t("filters.allUnits")} className="w-44" />
      </div>
      {q.overdue ? <input type="hidden" name="overdue" value="1" /> : null}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">{t("filters.from")}</span>
        <input type="date" name="from" defaultValue={q.from ?? ""} className={control} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">{t("filters.to")}</span>
        <input type="date" name="to" defaultValue={q.to ?? ""} className={control} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">{t("filters.phone")} (/)</span>
        <input id="filter-phone" name="phone" defaultValue={q.phone ?? ""} inputMode="numeric" maxLength={4} pattern="\d{4}" className={`${control} w-20`} />
      </label>
      <Button type="submit" size="sm">{t("filters.apply")}</Button>
      <Link href="/warnings" className="min-h-8 px-2 py-1.5 text-xs text-slate-600 hover:underline">{t("filters.clear")}</Link>
    </form>
  );
}
