import { apiRoute } from "@/lib/http/route";
import { setSuspectGang, updateSuspectStatus } from "@/lib/cases/suspects";
import { subParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** `{ version, status, at?, note? }` moves the suspect on (抓获, 刑拘 …); `{ version, gangId }` sets their gang. */
export const PATCH = apiRoute({ permission: "cases:write", params: subParamsSchema }, async ({ actor, params, body }) =>
  body && typeof body === "object" && "status" in body
    ? updateSuspectStatus(actor, params.id, params.subId, body)
    : setSuspectGang(actor, params.id, params.subId, body),
);
