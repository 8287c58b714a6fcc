import { commandRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { addSuspect } from "@/lib/cases/suspects";

export const dynamic = "force-dynamic";

export const GET = commandRoute(getCase, { respond: (c) => ({ items: c.suspects }) });

/** A new suspect `{ name, idNumber?, phone?, gender?, gangId?, note? }`, or one known from another case `{ suspectId }`. */
export const POST = commandRoute(addSuspect, { status: 201 });
