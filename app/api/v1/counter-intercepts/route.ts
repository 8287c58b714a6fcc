import { commandRoute } from "@/lib/http/route";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";

/** Records a counter interception (临柜拦截) for the caller's unit; the Idempotency-Key header makes a retry safe. */
export const POST = commandRoute(recordCounterIntercept, { status: 201 });
