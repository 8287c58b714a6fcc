import { commandRoute } from "@/lib/http/route";
import { revealPersonIdentifier } from "@/lib/persons/commands";

export const POST = commandRoute(revealPersonIdentifier);
