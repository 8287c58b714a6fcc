import { commandRoute } from "@/lib/http/route";
import { requestFromWarning } from "@/lib/requests/create";

/** A 止付 / 冻结 / 停机 / 核查 request raised from the warning by a dispatcher. */
export const POST = commandRoute(requestFromWarning, { status: 201 });
