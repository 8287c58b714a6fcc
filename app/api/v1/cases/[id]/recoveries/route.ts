import { commandRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { recordRecovery } from "@/lib/cases/recoveries";

export const dynamic = "force-dynamic";

/** Recovered funds of the case, with loss, held, recovered and returned totals (exact decimals). */
export const GET = commandRoute(getCase, { respond: (c) => ({ items: c.recoveries, money: c.money }) });

export const POST = commandRoute(recordRecovery, { status: 201 });
