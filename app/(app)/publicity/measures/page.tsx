import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/actor";
import { AGGREGATE_KEYS, measureAggregates } from "@/lib/publicity/measure-aggregates";
import { listMeasures, mayListPersons } from "@/lib/publicity/measures";
import { measuresQuerySchema, totalsQuerySchema, type MeasuresQuery } from "@/lib/publicity/schemas";
import { defaultPeriod } from "@/lib/publicity/totals";
import { scopeUnits, type ScopeUnit } from "@/lib/publicity/units";
import { EmptyState } from "@/components/ui/card";
import { MeasuresFilter } from "@/components/publicity/measures-filter";
import { MeasuresTable } from "@/components/publicity/measures-table";
import { Pager, queryString } from "@/components/publicity/pager";
import { PeriodFilter } from "@/components/publicity/period-filter";
import { TotalsTable } from "@/components/publicity/totals-table";
import { AppealTotals } from "@/components/appeals/appeal-totals";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("tabs.measures") };
}

type SearchParams = Record<string, string | string[]>;

export default async function MeasuresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("publicity:read");
  const [units, raw] = await Promise.all([scopeUnits(actor), searchParams]);
  // Leadership sees figures only: no list of persons, not even masked (SECURITY.md B11).
  return mayListPersons(actor) ? <Register actor={actor} units={units} raw={raw} /> : <Aggregates actor={actor} units={units} raw={raw} />;
}

async function Aggregates({ actor, units, raw }: { actor: Actor; units: ScopeUnit[]; raw: SearchParams }) {
  const parsed = totalsQuerySchema.safeParse(raw);
  const q = { ...defaultPeriod(), ...(parsed.success ? parsed.data : {}) };
  const unit = q.unit && units.some((u) => u.code === q.unit) ? q.unit : undefined;
  const [t, agg] = await Promise.all([getTranslations("publicity"), measureAggregates(actor, { ...q, unit })]);
  const label = (k: (typeof AGGREGATE_KEYS)[number]) =>
    k === "activeNow" ? t("measures.activeNow") : k === "endingSoon" ? t("measures.endingSoonShort") : k === "total" ? t("measures.total") : t(`measureKinds.${k}`);
  return (
    <>
      <PeriodFilter path="/publicity/measures" units={units} unit={unit} from={q.from} to={q.to} />
      <h2 className="text-base font-semibold">{t("measures.aggregateTitle")}</h2>
      <p className="mb-3 text-xs text-slate-500">{t("measures.aggregateNote")}</p>
      <TotalsTable rows={agg.rows} total={agg.total} columns={AGGREGATE_KEYS.map((key) => ({ key, label: label(key) }))}
        drill={{ path: "/publicity/measures", params: { from: q.from, to: q.to } }} testId="measure-aggregates" />
      <AppealTotals actor={actor} unit={unit} from={q.from} to={q.to} />
    </>
  );
}

async function Register({ actor, units, raw }: { actor: Actor; units: ScopeUnit[]; raw: SearchParams }) {
  const parsed = measuresQuerySchema.safeParse(raw);
  const q: MeasuresQuery = parsed.success ? parsed.data : {};
  const [t, result, ending] = await Promise.all([
    getTranslations("publicity"),
    listMeasures(actor, q),
    listMeasures(actor, { unit: q.unit, state: "ending" }),
  ]);
  const canWrite = can(actor, "publicity:write");
  const filters = { unit: q.unit, measure: q.measure, state: q.state, from: q.from, to: q.to };
  const button = "inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium";
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        {ending.total > 0 ? (
          <Link href={`/publicity/measures${queryString({ unit: q.unit, state: "ending" })}`} role="status" data-testid="ending-soon"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 hover:bg-amber-100">
            {t("measures.endingSoon", { n: ending.total })}
          </Link>
        ) : <span />}
        <div className="flex gap-2">
          <a href={`/publicity/measures/export${queryString(filters)}`} className={`${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`} download>
            {t("common.export")}
          </a>
          {canWrite ? <Link href="/publicity/measures/new" className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>{t("measures.new")}</Link> : null}
        </div>
      </div>
      <MeasuresFilter q={q} units={units} />
      {result.total === 0 ? (
        <EmptyState title={t("measures.empty")}>{canWrite ? t("measures.emptyHint") : null}</EmptyState>
      ) : (
        <>
          <MeasuresTable items={result.items} canEdit={canWrite} canReveal={can(actor, "pii:reveal")} />
          <Pager page={result.page} pageCount={result.pageCount} total={result.total} href={(page) => `/publicity/measures${queryString({ ...filters, page })}`} />
        </>
      )}
    </>
  );
}
