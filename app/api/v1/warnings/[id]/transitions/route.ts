import { apiRoute } from "@/lib/http/route";
import { transitionWarning } from "@/lib/warnings/commands";
import { warningIdParams } from "@/lib/warnings/schemas";

export const POST = apiRoute({ permission: "warnings:read", params: warningIdParams }, ({ actor, params, body }) => transitionWarning(actor, params.id, body));
