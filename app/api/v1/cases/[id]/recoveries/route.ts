import { apiRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { recordRecovery } from "@/lib/cases/recoveries";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** Recovered funds of the case, with loss, held, recovered and returned totals (exact decimals). */
export const GET = apiRoute({ permission: "cases:read", params: caseParamsSchema }, async ({ actor, params }) => {
  const c = await getCase(actor, params.id);
  return { items: c.recoveries, money: c.money };
});

export const POST = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) =>
  Response.json(await recordRecovery(actor, params.id, body), { status: 201 }),
);
