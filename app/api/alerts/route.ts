import { commandRoute } from "@/lib/http/route";
import { readAlertState } from "@/lib/warnings/alerts";

export const dynamic = "force-dynamic";

/**
 * The header's live state (unread notifications, unhandled 特高危), fetched by the page when its
 * stream says something changed: the page's doing, not the user's, so it keeps no session alive.
 * A GET, not a server action: those run one at a time, and a click's would wait behind it.
 */
export const GET = commandRoute(readAlertState, { background: true });
