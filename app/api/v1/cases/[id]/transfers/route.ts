import { apiRoute } from "@/lib/http/route";
import { transferCase } from "@/lib/cases/transfer-case";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** `{ toUnitCode, reason, version }`: 流转 to another unit of the city. */
export const POST = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) =>
  Response.json(await transferCase(actor, params.id, body), { status: 201 }),
);
