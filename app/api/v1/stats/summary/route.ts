import { commandRoute } from "@/lib/http/route";
import { queryObject } from "@/lib/stats/schemas";
import { statsSummary } from "@/lib/stats/summary";

/** Every figure of DESIGN.md §3 for a period and unit, with 同比 and 环比 (aggregates only). */
export const GET = commandRoute(statsSummary, { input: ({ query }) => queryObject(query) });
