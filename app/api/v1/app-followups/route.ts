import { commandRoute } from "@/lib/http/route";
import { listAppFollowUps } from "@/lib/appfollowups/queries";

/** The caller's app follow-ups (APP回访): an officer's unit's, a dispatcher's jurisdiction's. */
export const GET = commandRoute(listAppFollowUps);
