import { commandRoute } from "@/lib/http/route";
import { recordOutreachOutcome } from "@/lib/persons/outreach";

/** Records an outreach visit; an Idempotency-Key header makes a retry safe. */
export const POST = commandRoute(recordOutreachOutcome);
