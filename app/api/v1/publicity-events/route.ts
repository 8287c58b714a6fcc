import { commandRoute } from "@/lib/http/route";
import { createEvent, listEventsPage } from "@/lib/publicity/events";

export const dynamic = "force-dynamic";

/** Publicity events of the caller's jurisdiction, newest first, cursor-paginated. */
export const GET = commandRoute(listEventsPage);

/** Logs one event; the unit defaults to the caller's own. An Idempotency-Key makes replays safe. */
export const POST = commandRoute(createEvent, { status: 201 });
