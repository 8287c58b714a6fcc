import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { mapFigures, MAP_METRIC_KEYS, type MapMetric, type MapValues } from "@/lib/map/queries";
import { count, wan } from "@/lib/stats/format";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/table";
import { MapPanel } from "@/components/map/map-panel";
import { statsHref } from "@/components/stats/href";
import { StatsHeader } from "@/components/stats/stats-header";
import { statsQuery, type SearchParams } from "../query";
import type { StatsQuery } from "@/lib/stats/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stats");
  return { title: `${t("tabs.map")} · ${t("title")}` };
}

const chip = "inline-flex min-h-9 items-center rounded-md border px-3 text-sm";
const chipOn = "border-brand-600 bg-brand-600 text-white";
const chipOff = "border-slate-300 bg-white text-slate-700 hover:bg-slate-50";

const isMetric = (v: unknown): v is MapMetric => typeof v === "string" && (MAP_METRIC_KEYS as string[]).includes(v);
const show = (m: MapMetric, v: MapValues) => (m === "losses" ? wan(v.losses) : count(v[m]));

/** A link to the map keeping the period, with the unit, metric and view given. */
function mapHref(query: StatsQuery, change: { unit?: string }, m: MapMetric, view: "map" | "table") {
  const href = statsHref("/map", query, change);
  const extra = new URLSearchParams({ ...(m !== "warnings" ? { m } : {}), ...(view !== "map" ? { view } : {}) }).toString();
  return extra ? `${href}${href.includes("?") ? "&" : "?"}${extra}` : href;
}

/** 地图: warnings, dissuasions, cases and loss stopped by county/district and precinct, as a choropleth and a table. */
export default async function StatsMapPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("stats:read");
  const params = await searchParams;
  const { query, invalid } = await statsQuery(Promise.resolve(params), ["m", "view"]);
  const metric: MapMetric = isMetric(params.m) ? params.m : "warnings";
  const view = params.view === "table" ? "table" : "map";
  const [data, t, format] = await Promise.all([mapFigures(actor, query), getTranslations("map"), getFormatter()]);
  const metricLabel = `${t(`metric.${metric}`)}${metric === "losses" ? `（${t("unitOf.losses")}）` : ""}`;
  const leaf = !data.areas.some((a) => a.drill) && data.areas.length === 1 && data.areas[0]!.code === data.unit.code;
  const max = Math.max(0, ...data.areas.map((a) => Number(a.values[metric])));
  const legend = [0, 1, 2, 3, 4].map((i) => (i === 0 ? "0" : `≤${metric === "losses" ? wan((max * i) / 4) : count(Math.round((max * i) / 4))}`));
  const hrefs = Object.fromEntries(data.areas.filter((a) => a.drill).map((a) => [a.code, mapHref(query, { unit: a.code }, metric, view)]));
  const onMap = data.areas.filter((a) => a.onMap);
  const source = data.shapes.source === "boundaries" && data.boundary
    ? t("source.boundaries", { crs: t(`crs.${data.boundary.crs}`), date: format.dateTime(data.boundary.createdAt, { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" }) })
    : t("source.schematic");
  return (
    <>
      <StatsHeader page="/map" query={query} period={data.period} unit={data.unit} breadcrumb={data.breadcrumb} invalid={invalid} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-1" role="group" aria-label={t("metric.label")}>
          {MAP_METRIC_KEYS.map((k) => (
            <Link key={k} href={mapHref(query, {}, k, view)} aria-current={k === metric ? "true" : undefined} className={cn(chip, k === metric ? chipOn : chipOff)}>
              {t(`metric.${k}`)}
            </Link>
          ))}
        </div>
        <div className="flex items-center gap-1" role="group" aria-label={t("view.label")}>
          {(["map", "table"] as const).map((v) => (
            <Link key={v} href={mapHref(query, {}, metric, v)} aria-current={v === view ? "true" : undefined} className={cn(chip, v === view ? chipOn : chipOff)} data-testid={`map-view-${v}`}>
              {t(`view.${v}`)}
            </Link>
          ))}
        </div>
      </div>
      <p className="mb-3 text-sm text-slate-700" data-testid="map-total">
        <span className="font-medium">{t("total", { unit: data.unit.name })}</span>：
        {MAP_METRIC_KEYS.map((k) => `${t(`metric.${k}`)} ${show(k, data.total)}${t(`unitOf.${k}`)}`).join("　")}
      </p>
      {view === "map" ? (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
          <Card className="p-4 xl:col-span-2">
            <MapPanel
              areas={onMap.map((a) => ({ code: a.code, name: a.name, value: Number(a.values[metric]), label: show(metric, a.values), selectable: a.drill }))}
              hrefs={hrefs} shapes={data.shapes} metricLabel={metricLabel} legendLabels={legend}
            />
            <p className="mt-2 text-xs text-slate-500" data-testid="map-source">{source}{leaf ? "" : `　${Object.keys(hrefs).length ? t("hint") : t("leaf")}`}</p>
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold text-slate-900">{metricLabel}</h2>
            <ol className="space-y-1 text-sm" data-testid="map-ranking">
              {[...data.areas].sort((a, b) => Number(b.values[metric]) - Number(a.values[metric]) || a.code.localeCompare(b.code)).map((a, i) => (
                <li key={a.code} className="flex items-center justify-between gap-2">
                  <span className="flex items-center gap-2">
                    <span className="w-5 text-right tabular-nums text-slate-400">{i + 1}</span>
                    {hrefs[a.code] ? <Link href={hrefs[a.code]!} className="text-brand-700 underline-offset-2 hover:underline">{a.name}</Link> : <span>{a.name}</span>}
                    {a.onMap ? null : <span className="text-xs text-slate-400">（{data.shapes.source === "boundaries" && a.kind !== "CENTER" ? t("noBoundary") : t("offMap")}）</span>}
                  </span>
                  <span className="tabular-nums">{show(metric, a.values)}</span>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      ) : (
        <DataTable
          className="text-right tabular-nums" testId="map-table"
          head={
            <>
              <th scope="col" className="px-3 py-2 text-left font-medium">{t("table.unit")}</th>
              {MAP_METRIC_KEYS.map((k) => (
                <th key={k} scope="col" className="px-3 py-2 font-medium">{t(`metric.${k}`)}{k === "losses" ? `（${t("unitOf.losses")}）` : ""}</th>
              ))}
            </>
          }
          foot={
            <tr className="font-medium">
              <th scope="row" className="px-3 py-2 text-left">{t("table.total")}</th>
              {MAP_METRIC_KEYS.map((k) => <td key={k} className="px-3 py-2">{show(k, data.total)}</td>)}
            </tr>
          }
        >
          {data.areas.map((a) => (
            <tr key={a.code} data-unit={a.code}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {hrefs[a.code] ? <Link href={hrefs[a.code]!} className="inline-flex min-h-8 items-center text-brand-700 underline-offset-2 hover:underline">{a.name}</Link> : a.name}
              </th>
              {MAP_METRIC_KEYS.map((k) => <td key={k} className="px-3 py-2">{show(k, a.values)}</td>)}
            </tr>
          ))}
        </DataTable>
      )}
      <p className="mt-6 text-xs text-slate-500">{t("definitions")}</p>
    </>
  );
}
