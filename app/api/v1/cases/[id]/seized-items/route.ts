import { apiRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { addSeizedItem } from "@/lib/cases/seized-items";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** Items seized for the case, and the totals per type. */
export const GET = apiRoute({ permission: "cases:read", params: caseParamsSchema }, async ({ actor, params }) => {
  const c = await getCase(actor, params.id);
  return { items: c.seizedItems, totals: c.seizedTotals };
});

export const POST = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) =>
  Response.json(await addSeizedItem(actor, params.id, body), { status: 201 }),
);
