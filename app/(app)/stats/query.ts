// Statistics pages parse their searchParams with the API's strict schema. A malformed query (a
// hand-edited link, from after to) falls back to the default view with a notice, never an error page.
import { statsQuerySchema, queryObject, type StatsQuery } from "@/lib/stats/schemas";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `own`: the page's own parameters (the map's metric and view), kept out of the statistics query. */
export async function statsQuery(searchParams: SearchParams, own: readonly string[] = []): Promise<{ query: StatsQuery; invalid: string[] }> {
  const raw = queryObject(await searchParams);
  for (const key of own) delete raw[key];
  const parsed = statsQuerySchema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, invalid: [] };
  // Keep the unit when only the dates were wrong.
  const unit = statsQuerySchema.safeParse({ unit: raw.unit });
  return { query: unit.success ? unit.data : {}, invalid: parsed.error.issues.map((i) => i.message) };
}
