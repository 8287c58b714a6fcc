import { apiRoute } from "@/lib/http/route";
import { transitionCase } from "@/lib/cases/transition-case";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** `{ to, version, note? }`: one step of the case state machine (filing decisions need "cases:approve"). */
export const POST = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) =>
  transitionCase(actor, params.id, body),
);
