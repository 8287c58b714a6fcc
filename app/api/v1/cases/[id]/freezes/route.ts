import { commandRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { requestFreeze } from "@/lib/cases/freezes";

export const dynamic = "force-dynamic";

/** Stop-payment and freeze requests of the case (account numbers masked), with the expiry flag. */
export const GET = commandRoute(getCase, { respond: (c) => ({ items: c.freezes, held: c.money.held }) });

export const POST = commandRoute(requestFreeze, { status: 201 });
