import { commandRoute } from "@/lib/http/route";
import { recordHomeVisit } from "@/lib/field/record-home-visit";

/** Records a home visit (上门劝阻) and moves the warning; the Idempotency-Key header makes a retry safe. */
export const POST = commandRoute(recordHomeVisit, { status: 201 });
