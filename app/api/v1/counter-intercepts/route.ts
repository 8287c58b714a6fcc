import { apiRoute } from "@/lib/http/route";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";

/** Records a counter interception (临柜拦截) for the caller's unit; the Idempotency-Key header makes a retry safe. */
export const POST = apiRoute({ permission: "actions:write" }, async ({ req, actor, body }) => {
  const result = await recordCounterIntercept(actor, body, req.headers.get("idempotency-key") ?? undefined);
  return Response.json(result, { status: result.replayed ? 200 : 201, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
});
