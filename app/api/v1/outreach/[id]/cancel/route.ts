import { commandRoute } from "@/lib/http/route";
import { cancelOutreach } from "@/lib/persons/outreach";

/** A targeted outreach stops: its open tasks leave the officers' lists. */
export const POST = commandRoute(cancelOutreach);
