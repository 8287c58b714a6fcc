import { commandRoute } from "@/lib/http/route";
import { showPerson } from "@/lib/persons/queries";

export const GET = commandRoute(showPerson);
