import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { credentialStillValid } from "@/lib/auth/session";
import { warningBus } from "@/lib/warnings/live";
import type { WarningEvent } from "@/lib/warnings/events";

/** How often a live stream sends a heartbeat and checks that its session or key still stands. */
export const HEARTBEAT_MS = 20_000;

export type BusEvent = WarningEvent | { kind: "resync" };

/**
 * Server-Sent Events of the warning bus (lib/warnings/live.ts): each event the caller's `pick`
 * turns into a message (null: not for this listener), a `hello` first and a heartbeat every 20 s.
 * The stream ends when the session or API key it was opened with does.
 */
export function warningEventStream(actor: Actor, req: Request, pick: (e: BusEvent) => unknown): Response {
  const bus = warningBus();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream({
    start(controller) {
      const send = (data: unknown) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(data)}\n\n`));
      const onEvent = (e: BusEvent) => {
        const message = pick(e);
        if (message !== null) send(message);
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
}
