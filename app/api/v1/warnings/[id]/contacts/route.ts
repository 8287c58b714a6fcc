import { commandRoute } from "@/lib/http/route";
import { warningContacts } from "@/lib/contacts/queries";

export const dynamic = "force-dynamic";

/** The warning's fraud contacts, each with how many other records of the jurisdiction share it. */
export const GET = commandRoute(warningContacts);
