import { commandRoute } from "@/lib/http/route";
import { transitionCase } from "@/lib/cases/transition-case";

export const dynamic = "force-dynamic";

/** `{ to, version, note? }`: one step of the case state machine (filing decisions need "cases:approve"). */
export const POST = commandRoute(transitionCase);
