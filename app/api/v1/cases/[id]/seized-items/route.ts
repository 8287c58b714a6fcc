import { commandRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { addSeizedItem } from "@/lib/cases/seized-items";

export const dynamic = "force-dynamic";

/** Items seized for the case, and the totals per type. */
export const GET = commandRoute(getCase, { respond: (c) => ({ items: c.seizedItems, totals: c.seizedTotals }) });

export const POST = commandRoute(addSeizedItem, { status: 201 });
