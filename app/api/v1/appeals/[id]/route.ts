import { commandRoute } from "@/lib/http/route";
import { getAppeal } from "@/lib/appeals/queries";

export const dynamic = "force-dynamic";

export const GET = commandRoute(getAppeal);
