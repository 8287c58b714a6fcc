import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { getChildBreakdown, getStatsSummary, loadStatsContext } from "@/lib/stats/summary";
import { EmptyState } from "@/components/ui/card";
import { ChildrenTable } from "@/components/stats/children-table";
import { Definitions } from "@/components/stats/definitions";
import { FigureCard } from "@/components/stats/figure-card";
import { StatsHeader } from "@/components/stats/stats-header";
import { statsHref } from "@/components/stats/href";
import { SurgeFlag } from "@/components/profiles/surge-flag";
import { surgesOfView } from "@/lib/profiles/surge";
import { statsQuery, type SearchParams } from "./query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

/** Every figure of the period for the unit, with 同比, 环比 and a trend; the units below to drill into. */
export default async function StatsOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("stats:read");
  const { query, invalid } = await statsQuery(searchParams);
  const ctx = await loadStatsContext(actor, query);
  const [summary, children, surge, t] = await Promise.all([getStatsSummary(ctx), getChildBreakdown(ctx), surgesOfView(ctx.scope.unit.id), getTranslations("stats")]);
  const empty = summary.figures.every((f) => Number(f.value) === 0);
  return (
    <>
      <StatsHeader page="" query={query} period={summary.period} unit={summary.unit} breadcrumb={summary.breadcrumb} invalid={invalid} granularity />
      <SurgeFlag quiet surges={surge.surges} rule={surge.rule} canTarget={actor.permissions.has("publicity:write")} profilesHref={statsHref("/profiles", { unit: query.unit }, { period: "week" })} />
      <h2 className="sr-only">{t("overview.heading")}</h2>
      {empty ? <EmptyState title={t("overview.empty")} /> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5" data-testid="stats-figures">
        {summary.figures.map((f) => (
          <FigureCard key={f.key} figure={f} partial={summary.period.partial !== null} />
        ))}
      </div>
      {summary.children.length ? (
        <section className="mt-8" aria-labelledby="stats-children">
          <h2 id="stats-children" className="mb-2 text-base font-semibold text-slate-900">{t("children.heading")}</h2>
          <ChildrenTable rows={children} query={query} />
        </section>
      ) : null}
      <Definitions />
    </>
  );
}
