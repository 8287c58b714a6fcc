import { commandRoute } from "@/lib/http/route";
import { showCluster } from "@/lib/contacts/queries";

export const dynamic = "force-dynamic";

/** One fraud contact's cluster: its warnings and cases, and the other contacts they carry. */
export const GET = commandRoute(showCluster);
