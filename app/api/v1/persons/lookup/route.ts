import { commandRoute } from "@/lib/http/route";
import { lookupPerson } from "@/lib/persons/commands";

export const POST = commandRoute(lookupPerson);
