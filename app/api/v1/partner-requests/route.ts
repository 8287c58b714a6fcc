import { commandRoute } from "@/lib/http/route";
import { listPartnerRequests } from "@/lib/requests/queries";

/** The bank and carrier requests of the caller's jurisdiction, with their deadline flags. */
export const GET = commandRoute(listPartnerRequests);
