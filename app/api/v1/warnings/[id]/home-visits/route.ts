import { apiRoute } from "@/lib/http/route";
import { warningIdParams } from "@/lib/warnings/schemas";
import { recordHomeVisit } from "@/lib/field/record-home-visit";

/** Records a home visit (上门劝阻) and moves the warning; the Idempotency-Key header makes a retry safe. */
export const POST = apiRoute({ permission: "actions:write", params: warningIdParams }, async ({ req, actor, params, body }) => {
  const result = await recordHomeVisit(actor, params.id, body, req.headers.get("idempotency-key") ?? undefined);
  return Response.json(result, { status: result.replayed ? 200 : 201, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
});
