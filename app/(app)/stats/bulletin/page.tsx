import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { getStatsCharts } from "@/lib/stats/charts";
import { chinaInstant, chinaToday } from "@/lib/time/china";
import { getStatsRankings } from "@/lib/stats/rankings";
import { getStatsSummary, loadStatsContext } from "@/lib/stats/summary";
import { BulletinFigures } from "@/components/stats/bulletin-figures";
import { ChartPanels } from "@/components/stats/chart-panels";
import { Definitions } from "@/components/stats/definitions";
import { statsHref } from "@/components/stats/href";
import { PrintButton } from "@/components/stats/print-button";
import { RankingTable } from "@/components/stats/ranking-table";
import { rangeFormatter } from "@/components/stats/stats-header";
import { statsQuery, type SearchParams } from "../query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("bulletin.title") };
}

/** The 通报: one A4 print layout of the period's figures, rankings and key charts. */
export default async function StatsBulletinPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("stats:read");
  const { query } = await statsQuery(searchParams);
  const ctx = await loadStatsContext(actor, query);
  const [summary, rankings, charts, t, format, rangeText] = await Promise.all([
    getStatsSummary(ctx), getStatsRankings(ctx), getStatsCharts(ctx), getTranslations("stats"), getFormatter(), rangeFormatter(),
  ]);
  const issued = format.dateTime(chinaInstant(`${chinaToday()}T12:00:00`), { year: "numeric", month: "long", day: "numeric" });
  const ranked = rankings.branches.length ? rankings.branches : rankings.precincts;
  return (
    <article className="bulletin mx-auto max-w-[190mm] bg-white text-slate-900 print:max-w-none" data-testid="bulletin">
      {/* A4 portrait with printer-safe margins; the app's navigation is already hidden in print. */}
      <style>{"@page { size: A4 portrait; margin: 14mm 12mm; } @media print { body { background: white; } main { padding: 0 !important; max-width: none !important; } }"}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href={statsHref("", query)} className="text-sm text-brand-700 hover:underline">← {t("actions.back")}</Link>
        <PrintButton label={t("actions.printNow")} />
      </div>
      <header className="mb-5 border-b-2 border-red-700 pb-3 text-center">
        <p className="text-sm tracking-widest text-red-700">{summary.unit.name}</p>
        <h1 className="mt-1 text-2xl font-bold">{t("bulletin.title")}</h1>
        <p className="mt-2 text-xs text-slate-600">
          {t("bulletin.meta", { range: rangeText(summary.period.current), unit: summary.unit.name, date: issued })}
        </p>
      </header>
      <section className="mb-6">
        <h2 className="mb-2 text-base font-bold">{t("bulletin.figures")}</h2>
        <BulletinFigures figures={summary.figures} />
      </section>
      <section className="mb-6 break-before-page">
        <h2 className="mb-2 text-base font-bold">
          {t("bulletin.rankings")}
          {rankings.branches.length ? ` · ${t("rankings.branches")}` : ` · ${t("rankings.precincts", { unit: rankings.precinctScope.name })}`}
        </h2>
        {ranked.length ? (
          <div className="grid grid-cols-2 gap-3">
            {ranked.map((r) => <RankingTable key={r.key} ranking={r} query={query} limit={10} />)}
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("rankings.none")}</p>
        )}
      </section>
      <section className="mb-6 break-before-page">
        <h2 className="mb-2 text-base font-bold">{t("bulletin.trends")}</h2>
        <ChartPanels data={charts} granularity={ctx.period.granularity} only={["warningsByRisk", "money", "pipeline"]} width={660} />
      </section>
      <Definitions />
    </article>
  );
}
