import { apiRoute } from "@/lib/http/route";
import { updateVictim } from "@/lib/cases/facts";
import { subParamsSchema } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** `{ version, name?, phone?, idNumber?, gender?, age?, address?, lossAmount? }`: corrects one victim; the case's loss follows. */
export const PATCH = apiRoute({ permission: "cases:write", params: subParamsSchema }, async ({ actor, params, body }) =>
  updateVictim(actor, params.id, params.subId, body),
);
