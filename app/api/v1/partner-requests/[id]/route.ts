import { commandRoute } from "@/lib/http/route";
import { getPartnerRequestDocument } from "@/lib/requests/queries";

/** One request with every field of its document (numbers in full; audited). */
export const GET = commandRoute(getPartnerRequestDocument);
