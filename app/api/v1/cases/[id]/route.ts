import { apiRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { updateCaseFacts } from "@/lib/cases/facts";
import { caseParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** One case with victims, freezes, suspects, items, recoveries and timeline; personal data masked. */
export const GET = apiRoute({ permission: "cases:read", params: caseParamsSchema }, async ({ actor, params }) => getCase(actor, params.id));

/** Corrects the case's facts (type, account of events, times) while its unit handles it. */
export const PATCH = apiRoute({ permission: "cases:write", params: caseParamsSchema }, async ({ actor, params, body }) => updateCaseFacts(actor, params.id, body));
