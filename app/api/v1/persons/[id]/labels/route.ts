import { commandRoute } from "@/lib/http/route";
import { addPersonLabel } from "@/lib/persons/labels";

/** A manual label on a person of the caller's jurisdiction. */
export const POST = commandRoute(addPersonLabel);
