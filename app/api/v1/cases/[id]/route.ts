import { commandRoute } from "@/lib/http/route";
import { getCase } from "@/lib/cases/case-detail";
import { updateCaseFacts } from "@/lib/cases/facts";

export const dynamic = "force-dynamic";

/** One case with victims, freezes, suspects, items, recoveries and timeline; personal data masked. */
export const GET = commandRoute(getCase);

/** Corrects the case's facts (type, account of events, times) while its unit handles it. */
export const PATCH = commandRoute(updateCaseFacts);
