import { commandRoute } from "@/lib/http/route";
import { ingestCallEvent, listCalls } from "@/lib/calls/commands";

/** The 96110 call center reports one event of a call (API key with calls:ingest). */
export const POST = commandRoute(ingestCallEvent);
/** The 96110 calls of the caller's jurisdiction (matched=false: attached to no warning). */
export const GET = commandRoute(listCalls);
