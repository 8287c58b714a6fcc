import { apiRoute } from "@/lib/http/route";
import { createGangForCase, linkGang } from "@/lib/cases/gangs";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** A new gang `{ name, note? }` for the case, or an existing one of the jurisdiction `{ gangId }`. */
export const POST = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) => {
  if (body && typeof body === "object" && "gangId" in body) {
    await linkGang(actor, params.id, body);
    return Response.json({ ok: true }, { status: 201 });
  }
  return Response.json(await createGangForCase(actor, params.id, body), { status: 201 });
});
