import { commandRoute } from "@/lib/http/route";
import { decideTransfer } from "@/lib/warnings/transfers";

export const dynamic = "force-dynamic";

/** `{ decision: ACCEPT | RETURN | CANCEL, version, reason? }`: the receiving unit decides, the proposer cancels. */
export const POST = commandRoute(decideTransfer);
