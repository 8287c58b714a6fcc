import { commandRoute } from "@/lib/http/route";
import { decideAppeal } from "@/lib/appeals/commands";

export const dynamic = "force-dynamic";

/** UPHELD or REVOKED (the measure ends the same day); never by who registered the appeal. */
export const POST = commandRoute(decideAppeal);
