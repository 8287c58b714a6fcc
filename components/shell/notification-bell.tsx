import type { Actor } from "@/lib/auth/actor";
import { alertPrefs, alertState } from "@/lib/warnings/alerts";
import { LiveBell } from "@/components/warnings/live-bell";

/** The bell and, for dispatchers, the unhandled 特高危: live where the user may read the warning stream. */
export async function NotificationBell({ actor }: { actor: Actor }) {
  const [state, prefs] = await Promise.all([alertState(actor), alertPrefs(actor)]);
  return <LiveBell initial={state} live={actor.permissions.has("warnings:read")} prefs={prefs} />;
}
