import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { getStatsRankings } from "@/lib/stats/rankings";
import { loadStatsContext, unitRefs } from "@/lib/stats/summary";
import { EmptyState } from "@/components/ui/card";
import { Definitions } from "@/components/stats/definitions";
import { RankingTable } from "@/components/stats/ranking-table";
import { StatsHeader } from "@/components/stats/stats-header";
import { statsQuery, type SearchParams } from "../query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stats");
  return { title: `${t("tabs.rankings")} · ${t("title")}` };
}

export default async function StatsRankingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("stats:read");
  const { query, invalid } = await statsQuery(searchParams);
  const ctx = await loadStatsContext(actor, query);
  const [rankings, t] = await Promise.all([getStatsRankings(ctx), getTranslations("stats.rankings")]);
  const { unit, breadcrumb } = unitRefs(ctx);
  return (
    <>
      <StatsHeader page="/rankings" query={query} period={ctx.period} unit={unit} breadcrumb={breadcrumb} invalid={invalid} />
      {rankings.branches.length ? (
        <section aria-labelledby="rank-branches" className="mb-8">
          <h2 id="rank-branches" className="mb-3 text-base font-semibold">{t("branches")}</h2>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 xl:grid-cols-3">
            {rankings.branches.map((r) => <RankingTable key={r.key} ranking={r} query={query} />)}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="rank-precincts">
        <h2 id="rank-precincts" className="mb-3 text-base font-semibold">{t("precincts", { unit: rankings.precinctScope.name })}</h2>
        {rankings.precincts.length ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 xl:grid-cols-3">
            {rankings.precincts.map((r) => <RankingTable key={r.key} ranking={r} query={query} />)}
          </div>
        ) : (
          <EmptyState title={t("none")} />
        )}
      </section>
      <Definitions only={["period", "rankings"]} />
    </>
  );
}
