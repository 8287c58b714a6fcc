import { commandRoute } from "@/lib/http/route";
import { signalActivity } from "@/lib/auth/account-commands";

export const dynamic = "force-dynamic";

/** The user is at the screen (components/auth/activity-signal.tsx): the session's idle clock starts again. */
export const POST = commandRoute(signalActivity, { respond: () => new Response(null, { status: 204 }) });
