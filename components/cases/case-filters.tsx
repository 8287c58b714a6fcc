import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { CASE_STATUSES } from "@/lib/cases/state-machine";
import { CASE_SOURCES, FRAUD_TYPES } from "@/lib/cases/enums";

type Values = Record<string, string | undefined>;

/** The list's filters as a plain GET form: the state lives in the URL (tails only, never full numbers). */
export async function CaseFilters({ values }: { values: Values }) {
  const t = await getTranslations("cases");
  const select = (name: string, label: string, options: readonly string[], ns: string) => (
    <Field id={`f-${name}`} label={label}>
      <Select id={`f-${name}`} name={name} defaultValue={values[name] ?? ""}>
        <option value="">{t("filters.any")}</option>
        {options.map((o) => <option key={o} value={o}>{t(`${ns}.${o}`)}</option>)}
      </Select>
    </Field>
  );
  const input = (name: string, label: string, props: Record<string, string> = {}) => (
    <Field id={`f-${name}`} label={label}>
      <Input id={`f-${name}`} name={name} defaultValue={values[name] ?? ""} {...props} />
    </Field>
  );
  return (
    <Card className="mb-4 p-4">
      <form method="get" action="/cases" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6" role="search" aria-label={t("filters.title")}>
        {input("q", t("filters.q"), { placeholder: "420302-2026-00017", maxLength: "32" })}
        {select("status", t("filters.status"), CASE_STATUSES, "status")}
        {select("fraudType", t("filters.fraudType"), FRAUD_TYPES, "fraudType")}
        {select("source", t("filters.source"), CASE_SOURCES, "source")}
        {input("from", t("filters.from"), { type: "date" })}
        {input("to", t("filters.to"), { type: "date" })}
        {input("victimPhone", t("filters.victimPhone"), { inputMode: "numeric", maxLength: "6", placeholder: t("filters.tailHint") })}
        {input("account", t("filters.account"), { inputMode: "numeric", maxLength: "6", placeholder: t("filters.tailHint") })}
        {input("suspect", t("filters.suspect"), { maxLength: "6", placeholder: t("filters.tailHint") })}
        {input("unit", t("filters.unit"), { inputMode: "numeric", maxLength: "8" })}
        <Field id="f-flag" label={t("filters.flag")}>
          <Select id="f-flag" name="flag" defaultValue={values.flag ?? ""}>
            <option value="">{t("filters.any")}</option>
            <option value="expiring">{t("filters.expiring")}</option>
            <option value="awaiting_approval">{t("filters.awaitingApproval")}</option>
          </Select>
        </Field>
        <div className="flex items-end gap-2">
          <Button type="submit" className="min-h-11">{t("filters.apply")}</Button>
          <Link href="/cases" className="inline-flex min-h-11 items-center px-2 text-sm text-brand-600 hover:underline">
            {t("filters.reset")}
          </Link>
        </div>
      </form>
    </Card>
  );
}
