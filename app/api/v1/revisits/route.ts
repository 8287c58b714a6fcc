import { commandRoute } from "@/lib/http/route";
import { listRevisits } from "@/lib/revisits/queries";

/** The caller's revisits (回访): an officer's unit's, a dispatcher's jurisdiction's. */
export const GET = commandRoute(listRevisits);
