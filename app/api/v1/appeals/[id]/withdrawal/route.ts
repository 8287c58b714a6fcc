import { commandRoute } from "@/lib/http/route";
import { withdrawAppeal } from "@/lib/appeals/commands";

export const dynamic = "force-dynamic";

export const POST = commandRoute(withdrawAppeal);
