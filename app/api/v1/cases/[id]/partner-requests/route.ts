import { commandRoute } from "@/lib/http/route";
import { requestFromCase } from "@/lib/requests/create";

/** A 止付 / 冻结 / 停机 / 核查 request raised from the case (document and outbox message in one transaction). */
export const POST = commandRoute(requestFromCase, { status: 201 });
