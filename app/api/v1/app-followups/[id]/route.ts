import { commandRoute } from "@/lib/http/route";
import { getAppFollowUp } from "@/lib/appfollowups/queries";

/** One app follow-up the caller may record. */
export const GET = commandRoute(getAppFollowUp);
