import { commandRoute } from "@/lib/http/route";
import { recordReturn } from "@/lib/cases/recoveries";

export const dynamic = "force-dynamic";

/** `{ version, victimId, returnedAmount, returnedAt }`: the money went back to a victim. */
export const PATCH = commandRoute(recordReturn);
