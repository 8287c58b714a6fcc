import type { StatsQuery } from "@/lib/stats/schemas";

export type StatsPage = "" | "/charts" | "/map" | "/profiles" | "/rankings" | "/bulletin";

/** A statistics URL keeping the query (period, dates, unit, granularity) with some parts replaced. */
export function statsHref(page: StatsPage, query: StatsQuery, change: Partial<Record<keyof StatsQuery, string | undefined>> = {}): string {
  const merged: Record<string, string | undefined> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ["period", "from", "to", "unit", "g"] as const) {
    const v = merged[key];
    if (v) params.set(key, v);
  }
  const qs = params.toString();
  return `/stats${page}${qs ? `?${qs}` : ""}`;
}

/** The export endpoint for the same query. */
export function exportHref(query: StatsQuery): string {
  return statsHref("", query).replace(/^\/stats/, "/api/v1/stats/export");
}
