import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { countsOfMonth } from "@/lib/publicity/counts";
import { chinaToday, monthRange } from "@/lib/time/china";
import { DAILY_METRICS } from "@/lib/publicity/enums";
import { countsQuerySchema } from "@/lib/publicity/schemas";
import { unitTotals } from "@/lib/publicity/totals";
import { scopeUnits } from "@/lib/publicity/units";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { CorrectCountForm, CountEntryForm } from "@/components/publicity/count-forms";
import { TotalsTable } from "@/components/publicity/totals-table";
import { UnitOptions } from "@/components/publicity/unit-options";
import { DataTable } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("tabs.counts") };
}

export default async function CountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePagePermission("publicity:read");
  const parsed = countsQuerySchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : {};
  const today = chinaToday();
  const month = q.month ?? today.slice(0, 7);
  const [units, t, format] = await Promise.all([scopeUnits(actor), getTranslations("publicity"), getFormatter()]);
  // By default a precinct officer looks at their own precinct, everyone else at their whole tree.
  const rootCode = units.find((u) => u.path === actor.scopePath)?.code ?? actor.unitCode;
  const unitCode = q.unit && units.some((u) => u.code === q.unit) ? q.unit : actor.unitKind === "PRECINCT" ? actor.unitCode : rootCode;
  const { from, to } = monthRange(month);
  const [totals, daily] = await Promise.all([unitTotals(actor, { unit: unitCode, from, to }), countsOfMonth(actor, unitCode, month)]);
  const canWrite = can(actor, "publicity:write");
  const hasChildren = totals.rows.some((r) => !r.own);

  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <form method="get" action="/publicity/counts" className="flex flex-wrap items-end gap-3">
          <div className="w-full sm:w-64">
            <Field id="cf-unit" label={t("common.unit")}>
              <Select id="cf-unit" name="unit" defaultValue={unitCode}><UnitOptions units={units} /></Select>
            </Field>
          </div>
          <Field id="cf-month" label={t("common.month")}>
            <Input id="cf-month" name="month" type="month" defaultValue={month} />
          </Field>
          <Button type="submit">{t("common.apply")}</Button>
        </form>
        {canWrite ? (
          <Link href="/publicity/counts/import" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
            {t("counts.import")}
          </Link>
        ) : null}
      </div>

      {hasChildren ? (
        <section className="mb-6">
          <h2 className="mb-2 text-base font-semibold">{t("counts.monthTotals", { month })}</h2>
          {totals.total.appRegistrations + totals.total.consultations === 0 ? (
            <EmptyState title={t("counts.emptyTotals")}>{canWrite ? t("counts.emptyTotalsHint") : null}</EmptyState>
          ) : (
            <TotalsTable
              rows={totals.rows} total={totals.total} testId="count-totals"
              columns={[{ key: "appRegistrations", label: t("metrics.APP_REGISTRATIONS") }, { key: "consultations", label: t("metrics.CONSULTATION_CALLS") }]}
              drill={{ path: "/publicity/counts", params: { month } }}
            />
          )}
        </section>
      ) : null}

      {hasChildren && daily.days.length === 0 ? null : <section className="mb-6">
        <h2 className="text-base font-semibold">{t("counts.daily", { unit: daily.unit.name, month })}</h2>
        <p className="mb-2 text-xs text-slate-500">{t("counts.dailyHint")}</p>
        {daily.days.length === 0 ? (
          <EmptyState title={t("counts.noDaily")}>{canWrite ? t("counts.emptyTotalsHint") : null}</EmptyState>
        ) : (
          <DataTable
            testId="daily-counts"
            head={
              <>
                <th className="px-3 py-2 text-left font-medium">{t("fields.day")}</th>
                {DAILY_METRICS.map((m) => <th key={m} className="px-3 py-2 text-right font-medium">{t(`metrics.${m}`)}</th>)}
              </>
            }
          >
            {daily.days.map((d) => (
              <tr key={d.day} data-day={d.day}>
                <td className="px-3 py-1.5 tabular-nums">{d.day}</td>
                {DAILY_METRICS.map((m) => {
                  const c = d[m];
                  return (
                    <td key={m} className="px-3 py-1.5 text-right tabular-nums">
                      {!c ? t("common.dash") : canWrite ? (
                        <CorrectCountForm key={c.version} unitCode={daily.unit.code} metric={m} day={d.day} count={c.count} version={c.version} />
                      ) : (
                        <span className="inline-flex items-center gap-2">{format.number(c.count)} <Badge>{t(`counts.source.${c.source}`)}</Badge></span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </DataTable>
        )}
      </section>}

      {canWrite ? (
        <Card className="p-4">
          <h2 className="text-base font-semibold">{t("counts.manual")}</h2>
          <p className="mb-3 text-xs text-slate-500">{t("counts.manualHint")}</p>
          <CountEntryForm units={units.filter((u) => u.active)} defaultUnit={unitCode} today={today} />
        </Card>
      ) : null}
    </>
  );
}
