import { commandRoute } from "@/lib/http/route";
import { openWarningStream } from "@/lib/warnings/stream";
import { warningBus } from "@/lib/warnings/live";
import { credentialStillValid } from "@/lib/auth/session";
import type { WarningEvent } from "@/lib/warnings/events";

export const dynamic = "force-dynamic";

/** How often the stream sends a heartbeat and checks that its session or key still stands. */
export const HEARTBEAT_MS = 20_000;

/**
 * Server-Sent Events for the live queue: one message per change in the caller's jurisdiction
 * (ids and states only, never personal data), and a heartbeat every 20 s. The stream ends when
 * the session or API key it was opened with does (logged out, ended by an admin, idle, revoked).
 */
export const GET = commandRoute(openWarningStream, {
  respond: ({ actor, scope }, req) => {
    const bus = warningBus();
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream({
      start(controller) {
        const send = (data: unknown) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(data)}\n\n`));
        const onEvent = (e: WarningEvent | { kind: "resync" }) => {
          if (e.kind === "resync" || (e.kind === "changed" && scope.has(e.unitId)) || (e.kind === "ingested" && e.units.some((u) => scope.has(u)))) {
            send(e.kind === "ingested" ? { kind: e.kind, count: e.count } : e);
          }
        };
        const close = () => {
          cleanup();
          try {
            controller.close();
          } catch {
            /* already closed */
          }
        };
        const heartbeat = setInterval(async () => {
          // A database hiccup is not a reason to drop the stream: the next heartbeat asks again.
          if (!(await credentialStillValid(actor).catch(() => true))) return close();
          controller.enqueue(encoder.encode(": hb\n\n"));
        }, HEARTBEAT_MS);
        bus.on("event", onEvent);
        send({ kind: "hello" });
        cleanup = () => {
          clearInterval(heartbeat);
          bus.off("event", onEvent);
        };
        req.signal.addEventListener("abort", close);
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" } });
  },
});
