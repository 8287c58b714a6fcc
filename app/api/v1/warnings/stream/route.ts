import { commandRoute } from "@/lib/http/route";
import { openWarningStream } from "@/lib/warnings/stream";
import { warningEventStream } from "@/lib/warnings/sse";
import { ingestedIn, type WarningEvent } from "@/lib/warnings/events";

/** The count of the listener's own units only. */
function ingestedMessage(e: Extract<WarningEvent, { kind: "ingested" }>, scope: ReadonlySet<string>) {
  const count = ingestedIn(e, scope);
  return count === null ? null : { kind: e.kind, count };
}

export { HEARTBEAT_MS } from "@/lib/warnings/sse";
export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for the live queue: one message per change in the caller's jurisdiction
 * (ids and states only, never personal data), and a heartbeat every 20 s. The stream ends when
 * the session or API key it was opened with does (logged out, ended by an admin, idle, revoked).
 */
export const GET = commandRoute(openWarningStream, {
  background: true,
  respond: ({ actor, scope }, req) =>
    warningEventStream(actor, req, (e) =>
      e.kind === "resync" || (e.kind === "changed" && scope.has(e.unitId)) ? e
      : e.kind === "ingested" ? ingestedMessage(e, scope)
      : null),
});
