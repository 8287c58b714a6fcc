import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/route";
import { scopeUnitIds } from "@/lib/warnings/routing";
import { warningBus } from "@/lib/warnings/live";
import type { WarningEvent } from "@/lib/warnings/events";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for the live queue: one message per change in the caller's jurisdiction
 * (ids and states only, never personal data), and a heartbeat every 20 s.
 */
export const GET = apiRoute({ permission: "warnings:read" }, async ({ actor, req }) => {
  const scope = new Set(await scopeUnitIds(getDb(), actor.scopePath));
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
      const heartbeat = setInterval(() => controller.enqueue(encoder.encode(": hb\n\n")), 20_000);
      bus.on("event", onEvent);
      send({ kind: "hello" });
      cleanup = () => {
        clearInterval(heartbeat);
        bus.off("event", onEvent);
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" } });
});
