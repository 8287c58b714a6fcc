import { commandRoute } from "@/lib/http/route";
import { searchPersonsByTail } from "@/lib/persons/queries";

export const GET = commandRoute(searchPersonsByTail);
