import { commandRoute } from "@/lib/http/route";
import { createOutreach, listOutreachCampaigns } from "@/lib/persons/outreach";

/** Targeted-outreach campaigns of the caller's jurisdiction. */
export const GET = commandRoute(listOutreachCampaigns);
/** Starts a targeted outreach: one task per labelled person not contacted in N days. */
export const POST = commandRoute(createOutreach);
