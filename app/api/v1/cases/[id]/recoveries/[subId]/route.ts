import { apiRoute } from "@/lib/http/route";
import { recordReturn } from "@/lib/cases/recoveries";
import { subParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** `{ version, victimId, returnedAmount, returnedAt }`: the money went back to a victim. */
export const PATCH = apiRoute({ permission: "cases:write", params: subParamsSchema }, async ({ actor, params, body }) =>
  recordReturn(actor, params.id, params.subId, body),
);
