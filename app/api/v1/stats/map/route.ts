import { commandRoute } from "@/lib/http/route";
import { queryObject } from "@/lib/stats/schemas";
import { statsMap } from "@/lib/map/queries";

/** The map's figures by county/district or precinct for a period and unit, with the shapes (aggregates only). */
export const GET = commandRoute(statsMap, { input: ({ query }) => queryObject(query) });
