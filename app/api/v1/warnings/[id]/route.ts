import { apiRoute } from "@/lib/http/route";
import { getWarning } from "@/lib/warnings/queries";
import { warningIdParams } from "@/lib/warnings/schemas";

export const GET = apiRoute({ permission: "warnings:read", params: warningIdParams }, ({ actor, params }) => getWarning(actor, params.id));
