import { commandRoute } from "@/lib/http/route";
import { recordRevisitOutcome } from "@/lib/revisits/record-outcome";

/** Records a revisit's outcome; an Idempotency-Key header makes a retry safe. */
export const POST = commandRoute(recordRevisitOutcome);
