import { apiRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { requestFreeze } from "@/lib/cases/freezes";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** Stop-payment and freeze requests of the case (account numbers masked), with the expiry flag. */
export const GET = apiRoute({ permission: "cases:read", params: caseParamsSchema }, async ({ actor, params }) => {
  const c = await getCase(actor, params.id);
  return { items: c.freezes, held: c.money.held };
});

export const POST = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) =>
  Response.json(await requestFreeze(actor, params.id, body), { status: 201 }),
);
