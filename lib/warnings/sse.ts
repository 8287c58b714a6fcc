import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { credentialDeadline } from "@/lib/auth/session";
import { warningBus } from "@/lib/warnings/live";
import type { WarningEvent } from "@/lib/warnings/events";

/** How often a live stream sends a heartbeat and asks whether its session or key still stands. */
export const HEARTBEAT_MS = 20_000;

/**
 * How long before its session lapses (its idle or absolute limit) a stream stops passing events on
 * and ends. An event makes the page re-render (router.refresh, within a second), and a re-render
 * that finds the session over sends the page to the login page, with whatever was typed in it.
 */
export const LAPSE_MARGIN_MS = 5_000;

/** What a stream's `pick` is given: a warning's event, or a resync (the bus's connection came back). */
export type BusEvent = WarningEvent | { kind: "resync" };
/**
 * A user's sessions or an API key changed (ended, revoked, disabled: migration credential_events):
 * the streams opened with it ask at once whether it still stands, not at their next heartbeat.
 */
type CredentialEvent = { kind: "credentials"; id: string };

/**
 * Server-Sent Events of the warning bus (lib/warnings/live.ts): each event the caller's `pick`
 * turns into a message (null: not for this listener), a heartbeat every 20 s. `hello` comes first,
 * once the session or key the stream was opened with is known to stand; `signedOut` comes last,
 * when it is over or about to lapse, and the stream ends: asked at each heartbeat, at the lapse, and
 * at once when the user's sessions or the key change. An event held back meanwhile (the session
 * was about to lapse, and the user came back) is made up for by a `resync`.
 */
export function warningEventStream(actor: Actor, req: Request, pick: (e: BusEvent) => unknown): Response {
  const bus = warningBus();
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream({
    start(controller) {
      let ended = false;
      /** When the credential lapses if the user does nothing more; 0 until first asked. */
      let lapsesAt = 0;
      let missed = false;
      let soon: ReturnType<typeof setTimeout> | undefined;
      const write = (text: string) => {
        if (!ended) controller.enqueue(encoder.encode(text));
      };
      const send = (data: unknown) => write(`data: ${JSON.stringify(data)}\n\n`);
      const onEvent = (e: BusEvent | CredentialEvent) => {
        if (e.kind === "credentials") {
          if (e.id === actor.id) void check();
          return;
        }
        const message = pick(e);
        if (message === null) return;
        if (Date.now() < lapsesAt - LAPSE_MARGIN_MS) send(message);
        else missed = true;
      };
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        clearTimeout(soon);
        bus.off("event", onEvent);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      /** Asks when the credential lapses; ends the stream when it has or is about to. */
      const check = async (): Promise<boolean> => {
        const deadline = await credentialDeadline(actor).catch(() =>
          // A database hiccup is not a reason to drop the stream: the next heartbeat asks again.
          new Date(lapsesAt || Date.now() + HEARTBEAT_MS + LAPSE_MARGIN_MS));
        if (ended) return false;
        if (!deadline || deadline.getTime() - Date.now() <= LAPSE_MARGIN_MS) {
          send({ kind: "signedOut" });
          end();
          return false;
        }
        if (!lapsesAt) send({ kind: "hello" });
        lapsesAt = deadline.getTime();
        if (missed) send({ kind: "resync" });
        missed = false;
        // A lapse before the next heartbeat is met on time.
        clearTimeout(soon);
        const wait = lapsesAt - LAPSE_MARGIN_MS - Date.now();
        if (wait < HEARTBEAT_MS) soon = setTimeout(() => void check(), wait);
        return true;
      };
      const heartbeat = setInterval(async () => {
        if (await check()) write(": hb\n\n");
      }, HEARTBEAT_MS);
      bus.on("event", onEvent);
      stop = end;
      req.signal.addEventListener("abort", end);
      void check();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" } });
}
