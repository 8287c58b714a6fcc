import { commandRoute } from "@/lib/http/route";
import { caseContacts } from "@/lib/contacts/queries";
import { addCaseContact } from "@/lib/contacts/commands";

export const dynamic = "force-dynamic";

/** The case's fraud contacts, each with how many other records of the jurisdiction share it. */
export const GET = commandRoute(caseContacts);

/** A fraud contact `{ kind, value }` for the case. */
export const POST = commandRoute(addCaseContact, { status: 201 });
