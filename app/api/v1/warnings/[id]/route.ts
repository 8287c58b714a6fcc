import { commandRoute } from "@/lib/http/route";
import { showWarning } from "@/lib/warnings/queries";

export const GET = commandRoute(showWarning);
