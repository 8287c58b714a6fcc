import { commandRoute } from "@/lib/http/route";
import { listOutreachTasks } from "@/lib/persons/outreach";

/** The open outreach tasks of the caller's unit. */
export const GET = commandRoute(listOutreachTasks);
