import { z } from "zod";
import { unitCodeSchema } from "@/lib/validation/fields";
import { chinaToday, isDay } from "@/lib/time/china";
import { GRANULARITIES, MAX_RANGE_DAYS, PERIOD_KINDS, daysIn } from "@/lib/stats/periods";

const daySchema = z.string().refine(isDay, "invalid_date");

/**
 * The statistics query, shared by the pages (searchParams), the summary API and the export:
 * a preset period or from–to (China-local days), a unit code (default: the user's own scope),
 * and optionally the trend granularity.
 */
export const statsQuerySchema = z
  .object({
    period: z.enum(PERIOD_KINDS).optional(),
    from: daySchema.optional(),
    to: daySchema.optional(),
    unit: unitCodeSchema.optional(),
    g: z.enum(GRANULARITIES).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [q.from ? "to" : "from"], message: "from_and_to_together" });
      return;
    }
    if (q.period && q.period !== "custom" && q.from) {
      ctx.addIssue({ code: "custom", path: ["period"], message: "preset_with_dates" });
    }
    if (q.period === "custom" && !q.from) ctx.addIssue({ code: "custom", path: ["from"], message: "required" });
    if (q.from && q.to) {
      if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "before_from" });
      else if (daysIn({ from: q.from, to: q.to }) > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "range_too_long" });
      if (q.from < "2000-01-01") ctx.addIssue({ code: "custom", path: ["from"], message: "too_early" });
      if (q.to > chinaToday(new Date(Date.now() + 366 * 86_400_000))) ctx.addIssue({ code: "custom", path: ["to"], message: "too_late" });
    }
  });

export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** searchParams / URLSearchParams → a plain object; a repeated key stays an array and fails the schema. */
export function queryObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  if (params instanceof URLSearchParams) {
    const out: Record<string, unknown> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      out[key] = all.length === 1 ? all[0] : all;
    }
    return out;
  }
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}
