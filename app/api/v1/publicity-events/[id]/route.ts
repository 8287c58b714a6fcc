import { commandRoute } from "@/lib/http/route";
import { getEvent } from "@/lib/publicity/events";

export const dynamic = "force-dynamic";

/** One event; outside the caller's jurisdiction it does not exist (404). */
export const GET = commandRoute(getEvent);
