import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation/parse";
import { queryObject, statsQuerySchema } from "@/lib/stats/schemas";
import { summaryFor } from "@/lib/stats/summary";

/** Every figure of DESIGN.md §3 for a period and unit, with 同比 and 环比 (aggregates only). */
export const GET = apiRoute({ permission: "stats:read" }, async ({ actor, query }) =>
  summaryFor(actor, parseInput(statsQuerySchema, queryObject(query))),
);
