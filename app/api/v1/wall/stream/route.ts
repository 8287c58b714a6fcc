import { commandRoute } from "@/lib/http/route";
import { openWallStream, wallMessage } from "@/lib/wall/commands";
import { warningEventStream } from "@/lib/warnings/sse";

export const dynamic = "force-dynamic";

/** Server-Sent Events for the big screen: that warnings changed in the jurisdiction, nothing more. */
export const GET = commandRoute(openWallStream, {
  background: true,
  respond: ({ actor, scope }, req) => warningEventStream(actor, req, (e) => wallMessage(e, scope)),
});
