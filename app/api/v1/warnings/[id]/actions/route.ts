import { apiRoute } from "@/lib/http/route";
import { logWarningAction } from "@/lib/warnings/commands";
import { warningIdParams } from "@/lib/warnings/schemas";

export const POST = apiRoute({ permission: "actions:write", params: warningIdParams }, async ({ actor, params, body }) => {
  const result = await logWarningAction(actor, params.id, body);
  return Response.json(result, { status: 201 });
});
