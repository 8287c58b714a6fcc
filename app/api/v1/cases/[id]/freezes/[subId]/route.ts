import { apiRoute } from "@/lib/http/route";
import { updateFreeze } from "@/lib/cases/freezes";
import { subParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** `{ version, status, amountHeld?, executedAt?, expiresAt?, releasedAt? }`: the bank's answer, release, expiry. */
export const PATCH = apiRoute({ permission: "cases:write", params: subParamsSchema }, async ({ actor, params, body }) =>
  updateFreeze(actor, params.id, params.subId, body),
);
