import { apiRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** One case with victims, freezes, suspects, items, recoveries and timeline; personal data masked. */
export const GET = apiRoute({ permission: "cases:read", params: caseParamsSchema }, async ({ actor, params }) => getCase(actor, params.id));
