import { getTranslations } from "next-intl/server";
import { StatsChart } from "@/components/stats/stats-chart";
import { HeatMap } from "@/components/profiles/heat-map";
import { PROFILE_FRAUD_TYPES } from "@/lib/profiles/dimensions";
import type { VictimProfile } from "@/lib/profiles/queries";

/** One color per fraud type (stable across charts). */
export const FRAUD_COLORS = ["#1d4ed8", "#b91c1c", "#f97316", "#0d9488", "#7c3aed", "#ca8a04", "#db2777", "#16a34a", "#0891b2", "#9333ea", "#64748b"];

/** The victim profile charts: each a Recharts chart with a table view; the heat map a grid of cells. */
export async function ProfileCharts({ profile }: { profile: VictimProfile }) {
  const [t, ts] = await Promise.all([getTranslations("profiles"), getTranslations("stats")]);
  const c = (k: string) => t(`charts.${k}`);
  const labels = { chart: ts("charts.showChart"), table: ts("charts.showTable"), view: ts("charts.viewLabel"), empty: ts("charts.empty") };
  const count = [{ key: "count", name: c("count"), color: "#1d4ed8" }];
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2" data-testid="profile-charts">
      <div className="xl:col-span-2">
        <StatsChart labels={labels} testId="chart-age-fraud" title={c("ageByFraud")} kind="bar" stacked xKey="age" xLabel={c("age")} height={300}
          rows={profile.ageByFraud.map((r) => ({ age: t(`ages.${r.age}`), ...r.byType }))}
          series={PROFILE_FRAUD_TYPES.map((type, i) => ({ key: type, name: t(`fraudTypes.${type}`), color: FRAUD_COLORS[i % FRAUD_COLORS.length]! }))} />
      </div>
      <div className="xl:col-span-2">
        <HeatMap cells={profile.heat} />
      </div>
      <StatsChart labels={labels} testId="chart-gender" title={c("gender")} kind="hbar" xKey="gender" xLabel={t("dims.gender")}
        rows={profile.gender.map((r) => ({ gender: t(`genders.${r.gender}`), count: r.count }))} series={count} />
      <StatsChart labels={labels} testId="chart-channel" title={c("channel")} kind="hbar" xKey="channel" xLabel={t("dims.channel")}
        rows={profile.channel.map((r) => ({ channel: t(`channels.${r.channel}`), count: r.count }))} series={count} />
      <div className="xl:col-span-2">
        <StatsChart labels={labels} testId="chart-amount" title={c("amount")} kind="bar" xKey="band" xLabel={c("band")}
          rows={profile.amount.map((r) => ({ band: t(`amounts.${r.band}`), count: r.count }))} series={[{ key: "count", name: c("count"), color: "#0d9488" }]} />
      </div>
    </div>
  );
}
