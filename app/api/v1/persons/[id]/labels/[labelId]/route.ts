import { commandRoute } from "@/lib/http/route";
import { removePersonLabel } from "@/lib/persons/labels";

/** A recorded label of a home unit in the caller's jurisdiction ends. */
export const DELETE = commandRoute(removePersonLabel);
