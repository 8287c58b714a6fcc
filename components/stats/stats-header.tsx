import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Download, Printer } from "lucide-react";
import { PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { exportHref, statsHref, type StatsPage } from "@/components/stats/href";
import { allowedGranularity, GRANULARITIES, PERIOD_KINDS, type DayRange, type ResolvedPeriod } from "@/lib/stats/periods";
import type { StatsQuery } from "@/lib/stats/schemas";
import type { UnitRef } from "@/lib/stats/summary";
import { chinaInstant } from "@/lib/time/china";

type Props = {
  page: StatsPage;
  query: StatsQuery;
  period: ResolvedPeriod;
  unit: UnitRef;
  breadcrumb: UnitRef[];
  invalid: string[];
  /** Show the trend granularity switch (overview and charts). */
  granularity?: boolean;
};

const TABS: { page: StatsPage; key: "overview" | "charts" | "map" | "profiles" | "rankings" | "bulletin" }[] = [
  { page: "", key: "overview" },
  { page: "/charts", key: "charts" },
  { page: "/map", key: "map" },
  { page: "/profiles", key: "profiles" },
  { page: "/rankings", key: "rankings" },
  { page: "/bulletin", key: "bulletin" },
];

const chip = "inline-flex min-h-9 items-center rounded-md border px-3 text-sm";
const chipOn = "border-brand-600 bg-brand-600 text-white";
const chipOff = "border-slate-300 bg-white text-slate-700 hover:bg-slate-50";

/** Formats a day range the way the pages show it ("2025年1月1日 至 2025年12月31日"). */
export async function rangeFormatter() {
  const [t, format] = await Promise.all([getTranslations("stats"), getFormatter()]);
  const day = (d: string) => format.dateTime(chinaInstant(`${d}T12:00:00`), { year: "numeric", month: "long", day: "numeric" });
  return (r: DayRange) => t("range", { from: day(r.from), to: day(r.to) });
}

/** Title, views, period presets and custom range, and the unit path with drill-up links. */
export async function StatsHeader({ page, query, period, unit, breadcrumb, invalid, granularity }: Props) {
  const t = await getTranslations("stats");
  const rangeText = await rangeFormatter();
  const base = { period: query.period, from: query.from, to: query.to, unit: query.unit, g: query.g };
  return (
    <div className="no-print mb-5 space-y-3">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle", { unit: unit.name, range: rangeText(period.current) })}
        actions={
          <>
            <Link href={statsHref("/bulletin", base)} className={cn(chip, chipOff, "gap-1.5")}>
              <Printer className="size-4" aria-hidden />
              {t("actions.print")}
            </Link>
            <a href={exportHref(base)} className={cn(chip, chipOff, "gap-1.5")} data-testid="stats-export">
              <Download className="size-4" aria-hidden />
              {t("actions.export")}
            </a>
          </>
        }
      />
      {invalid.length ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("invalidQuery", { issues: invalid.join(", ") })}
        </p>
      ) : null}
      <nav aria-label={t("tabs.label")} className="flex flex-wrap gap-1 border-b border-slate-200">
        {TABS.map((tab) => (
          <Link
            key={tab.key}
            href={statsHref(tab.page, base)}
            aria-current={tab.page === page ? "page" : undefined}
            className={cn("-mb-px min-h-10 border-b-2 px-4 py-2 text-sm font-medium", tab.page === page ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
          >
            {t(`tabs.${tab.key}`)}
          </Link>
        ))}
      </nav>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("period.label")}>
        {PERIOD_KINDS.filter((k) => k !== "custom").map((k) => (
          <Link key={k} href={statsHref(page, { unit: query.unit }, { period: k })} aria-current={period.kind === k ? "true" : undefined} className={cn(chip, period.kind === k ? chipOn : chipOff)}>
            {t(`period.${k}`)}
          </Link>
        ))}
        <form method="get" action={`/stats${page}`} className="flex flex-wrap items-center gap-2">
          {query.unit ? <input type="hidden" name="unit" value={query.unit} /> : null}
          <label className="text-sm text-slate-600">
            <span className="sr-only">{t("period.from")}</span>
            <input type="date" name="from" required defaultValue={period.current.from} aria-label={t("period.from")} className="min-h-9 rounded-md border border-slate-300 px-2 text-sm" />
          </label>
          <span aria-hidden>–</span>
          <label className="text-sm text-slate-600">
            <span className="sr-only">{t("period.to")}</span>
            <input type="date" name="to" required defaultValue={period.current.to} aria-label={t("period.to")} className="min-h-9 rounded-md border border-slate-300 px-2 text-sm" />
          </label>
          <button type="submit" className={cn(chip, period.kind === "custom" ? chipOn : chipOff)}>
            {t("period.custom")} · {t("period.apply")}
          </button>
        </form>
      </div>
      <p className="text-xs text-slate-500">
        {t("period.previous", { range: rangeText(period.previous) })}　{t("period.yearAgo", { range: rangeText(period.yearAgo) })}
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label={t("unit.path")} data-testid="stats-breadcrumb">
          <ol className="flex flex-wrap items-center gap-1 text-sm">
            {breadcrumb.map((u, i) => (
              <li key={u.code} className="flex items-center gap-1">
                {i > 0 ? <span aria-hidden className="text-slate-400">›</span> : null}
                {u.code === unit.code ? (
                  <span aria-current="page" className="font-medium text-slate-900">{u.name}</span>
                ) : (
                  <Link href={statsHref(page, base, { unit: u.code })} className="text-brand-700 underline-offset-2 hover:underline">
                    {u.name}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
        {granularity ? (
          <div className="flex items-center gap-1" role="group" aria-label={t("granularity.label")}>
            {GRANULARITIES.filter((g) => allowedGranularity(period.current, g)).map((g) => (
              <Link key={g} href={statsHref(page, base, { g })} aria-current={period.granularity === g ? "true" : undefined} className={cn(chip, "min-h-8 px-2 text-xs", period.granularity === g ? chipOn : chipOff)}>
                {t(`granularity.${g}`)}
              </Link>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
