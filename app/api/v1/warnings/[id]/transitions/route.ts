import { commandRoute } from "@/lib/http/route";
import { transitionWarning } from "@/lib/warnings/commands";

export const POST = commandRoute(transitionWarning);
