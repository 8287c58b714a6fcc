import { commandRoute } from "@/lib/http/route";
import { registerAppeal } from "@/lib/appeals/commands";
import { listAppeals } from "@/lib/appeals/queries";

export const dynamic = "force-dynamic";

/** Appeals against measures of the caller's jurisdiction, masked, with the deadline counts. */
export const GET = commandRoute(listAppeals);

/** Registers an appeal against the measure `measureId`. An Idempotency-Key makes replays safe. */
export const POST = commandRoute(registerAppeal, { status: 201 });
