import { apiRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { addVictim } from "@/lib/cases/victims";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "cases:read", params: caseParamsSchema }, async ({ actor, params }) => ({
  items: (await getCase(actor, params.id)).victims,
}));

export const POST = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) =>
  Response.json(await addVictim(actor, params.id, body), { status: 201 }),
);
