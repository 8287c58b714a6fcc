import { commandRoute } from "@/lib/http/route";
import { bulkUpsertCounts } from "@/lib/publicity/counts";

export const dynamic = "force-dynamic";

/**
 * Daily counts per unit in bulk (up to 5,000 items): 国家反诈中心APP registrations by default,
 * 96110 consultation calls with `"metric": "CONSULTATION_CALLS"`. Per-item results; resending
 * the same batch changes nothing.
 */
export const POST = commandRoute(bulkUpsertCounts);
