import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/guards";
import { loadStatsContext } from "@/lib/stats/summary";
import { getVictimProfile } from "@/lib/profiles/queries";
import { surgesOfView } from "@/lib/profiles/surge";
import { EmptyState } from "@/components/ui/card";
import { StatsHeader, rangeFormatter } from "@/components/stats/stats-header";
import { statsHref } from "@/components/stats/href";
import { ProfileCharts } from "@/components/profiles/profile-charts";
import { SurgeFlag } from "@/components/profiles/surge-flag";
import { statsQuery, type SearchParams } from "../query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stats");
  return { title: `${t("tabs.profiles")} · ${t("title")}` };
}

/** Who is being targeted: victim profiles of the period and unit (aggregates only), and this week's surges. */
export default async function StatsProfilesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("stats:read");
  const { query, invalid } = await statsQuery(searchParams);
  const ctx = await loadStatsContext(actor, query);
  const [profile, surge, t, rangeText] = await Promise.all([getVictimProfile(ctx), surgesOfView(ctx.scope.unit.id), getTranslations("profiles"), rangeFormatter()]);
  const exportHref = statsHref("/profiles", query).replace(/^\/stats\/profiles/, "/api/v1/stats/profiles/export");
  return (
    <>
      <StatsHeader page="/profiles" query={query} period={ctx.period} unit={profile.unit} breadcrumb={profile.breadcrumb} invalid={invalid} />
      <SurgeFlag surges={surge.surges} rule={surge.rule} canTarget={actor.permissions.has("publicity:write")} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" data-testid="profile-total">
          {t("subtitle", { unit: profile.unit.name, range: rangeText(profile.range), total: new Intl.NumberFormat("zh-CN").format(profile.total) })}
        </p>
        <a href={exportHref} className="inline-flex min-h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50" data-testid="profiles-export">
          <Download className="size-4" aria-hidden />
          {t("export")}
        </a>
      </div>
      {profile.total === 0 ? <EmptyState title={(await getTranslations("stats"))("overview.empty")} /> : <ProfileCharts profile={profile} />}
    </>
  );
}
