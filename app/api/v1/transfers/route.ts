import { commandRoute } from "@/lib/http/route";
import { listTransfersCommand } from "@/lib/warnings/transfers";

export const dynamic = "force-dynamic";

/** `?direction=incoming|outgoing&status=`: the transfers to or from the caller's units. */
export const GET = commandRoute(listTransfersCommand);
