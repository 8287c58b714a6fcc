import { commandRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { addVictim } from "@/lib/cases/victims";

export const dynamic = "force-dynamic";

export const GET = commandRoute(getCase, { respond: (c) => ({ items: c.victims }) });

export const POST = commandRoute(addVictim, { status: 201 });
