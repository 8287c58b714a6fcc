import { commandRoute } from "@/lib/http/route";
import { updateFreeze } from "@/lib/cases/freezes";

export const dynamic = "force-dynamic";

/** `{ version, status, amountHeld?, executedAt?, expiresAt?, releasedAt? }`: the bank's answer, release, expiry. */
export const PATCH = commandRoute(updateFreeze);
