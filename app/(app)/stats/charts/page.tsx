import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { getStatsCharts } from "@/lib/stats/charts";
import { loadStatsContext, unitRefs } from "@/lib/stats/summary";
import { ChartPanels } from "@/components/stats/chart-panels";
import { Definitions } from "@/components/stats/definitions";
import { StatsHeader } from "@/components/stats/stats-header";
import { statsQuery, type SearchParams } from "../query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stats");
  return { title: `${t("tabs.charts")} · ${t("title")}` };
}

export default async function StatsChartsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("stats:read");
  const { query, invalid } = await statsQuery(searchParams);
  const ctx = await loadStatsContext(actor, query);
  const data = await getStatsCharts(ctx);
  const { unit, breadcrumb } = unitRefs(ctx);
  return (
    <>
      <StatsHeader page="/charts" query={query} period={ctx.period} unit={unit} breadcrumb={breadcrumb} invalid={invalid} granularity />
      <ChartPanels data={data} granularity={ctx.period.granularity} />
      <Definitions only={["period", "charts"]} />
    </>
  );
}
