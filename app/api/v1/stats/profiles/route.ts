import { commandRoute } from "@/lib/http/route";
import { queryObject } from "@/lib/stats/schemas";
import { victimProfile } from "@/lib/profiles/queries";

/** Victim profiles of a period and unit (aggregates only, from the profile rollup). */
export const GET = commandRoute(victimProfile, { input: ({ query }) => queryObject(query) });
