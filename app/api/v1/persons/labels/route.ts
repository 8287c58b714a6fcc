import { commandRoute } from "@/lib/http/route";
import { listLabelledPersons } from "@/lib/persons/labels";

/** Vulnerable and high-risk persons of the caller's jurisdiction by label, with their last contact. */
export const GET = commandRoute(listLabelledPersons);
