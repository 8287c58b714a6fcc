import { commandRoute } from "@/lib/http/route";
import { listClusters } from "@/lib/contacts/queries";

export const dynamic = "force-dynamic";

/** Fraud contacts shared by several records of the jurisdiction (kind, from, to, unit, minRecords). */
export const GET = commandRoute(listClusters);
