import { commandRoute } from "@/lib/http/route";
import { recordAppFollowUpOutcome } from "@/lib/appfollowups/record-outcome";

/** Records an app follow-up's outcome; an Idempotency-Key header makes a retry safe. */
export const POST = commandRoute(recordAppFollowUpOutcome);
