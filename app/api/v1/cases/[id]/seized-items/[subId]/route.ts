import { apiRoute } from "@/lib/http/route";
import { updateSeizedItem } from "@/lib/cases/seized-items";
import { subParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** `{ version, disposition, storage? }`. */
export const PATCH = apiRoute({ permission: "cases:write", params: subParamsSchema }, async ({ actor, params, body }) =>
  updateSeizedItem(actor, params.id, params.subId, body),
);
