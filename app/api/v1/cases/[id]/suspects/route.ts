import { apiRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { addSuspect } from "@/lib/cases/suspects";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "cases:read", params: caseParamsSchema }, async ({ actor, params }) => ({
  items: (await getCase(actor, params.id)).suspects,
}));

/** A new suspect `{ name, idNumber?, phone?, gender?, gangId?, note? }`, or one known from another case `{ suspectId }`. */
export const POST = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) =>
  Response.json(await addSuspect(actor, params.id, body), { status: 201 }),
);
