import { commandRoute } from "@/lib/http/route";
import { logWarningAction } from "@/lib/warnings/commands";

export const POST = commandRoute(logWarningAction, { status: 201 });
