"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

export type StreamEvent = { kind: string; id?: string; version?: number; count?: number };
/** Whether a page receives live changes; `signedOut`: the session lapsed, nothing arrives until the user signs in again. */
export type LiveState = "connecting" | "live" | "down" | "signedOut";
type Listener = { onEvent?: (e: StreamEvent) => void; onOpen?: (reconnected: boolean) => void; onError?: (signedOut: boolean) => void };

const STREAM = "/api/v1/warnings/stream";
/** How long after the browser gave up on the stream we open it again. */
const RETRY_MS = 5_000;

// One EventSource per tab, shared by the page (useLiveRefresh) and the header (the live bell).
let source: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
/** The open stream said `hello`: the server found the session standing (lib/warnings/sse.ts). */
let greeted = false;
let dropped = false;
const listeners = new Set<Listener>();

function connect() {
  retry = null;
  greeted = false;
  const s = new EventSource(STREAM);
  s.onerror = () => {
    dropped = true;
    greeted = false;
    if (s.readyState !== EventSource.CLOSED) {
      // A dropped connection: the browser reconnects by itself.
      listeners.forEach((x) => x.onError?.(false));
      return;
    }
    // The browser gave up for good: the answer was not a stream (the session lapsed: 401; an
    // instance draining or a proxy with no instance: 503). Try again ourselves, and say whether the
    // user has to sign in again: a dispatcher's queue must not go quietly stale.
    giveUp(s);
    void streamStatus().then((status) => {
      // Said only while still down: the next attempt may have opened meanwhile.
      if (!greeted) listeners.forEach((x) => x.onError?.(status === 401));
    });
  };
  s.onmessage = (m) => {
    const e = JSON.parse(m.data) as StreamEvent;
    if (e.kind === "hello") {
      greeted = true;
      listeners.forEach((x) => x.onOpen?.(dropped));
      dropped = false;
    } else if (e.kind === "signedOut") {
      // The session is over or about to lapse: the server ends the stream before the page's next
      // re-render would find it gone (and take the user, and what they typed, to the login page).
      dropped = true;
      greeted = false;
      giveUp(s);
      listeners.forEach((x) => x.onError?.(true));
    } else listeners.forEach((x) => x.onEvent?.(e));
  };
  source = s;
}

/** Closes the stream for good and opens it again in a while (once the user has signed in again, in any tab). */
function giveUp(s: EventSource) {
  s.close();
  source = null;
  retry = setTimeout(connect, RETRY_MS);
}

/** The status the stream answers now; its body is not read. */
async function streamStatus(): Promise<number> {
  const abort = new AbortController();
  try {
    return (await fetch(STREAM, { signal: abort.signal, cache: "no-store" })).status;
  } catch {
    return 0;
  } finally {
    abort.abort();
  }
}

/** Subscribes to the warning event stream; the connection closes with its last subscriber. */
export function subscribeWarningStream(l: Listener): () => void {
  listeners.add(l);
  if (!source && !retry) connect();
  else if (greeted) queueMicrotask(() => l.onOpen?.(false));
  return () => {
    listeners.delete(l);
    if (listeners.size > 0) return;
    source?.close();
    source = null;
    if (retry) clearTimeout(retry);
    retry = null;
    dropped = false;
    greeted = false;
  };
}

/**
 * Keeps a server-rendered page current: listens to the warning event stream and re-renders the
 * page (router.refresh) at most every 800 ms while events arrive, and once after a reconnect (events
 * sent while the stream was down are not replayed). The stream reconnects by itself
 * (subscribeWarningStream), also once the user has signed in again in another tab.
 */
export function useLiveRefresh(onEvent?: (e: StreamEvent) => void): LiveState {
  const router = useRouter();
  const [live, setLive] = useState<LiveState>("connecting");
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    const unsubscribe = subscribeWarningStream({
      onOpen: (reconnected) => {
        setLive("live");
        // Back after a drop: what changed meanwhile was not streamed, so render afresh once.
        if (reconnected) router.refresh();
      },
      onError: (signedOut) => {
        setLive(signedOut ? "signedOut" : "down");
        // A re-render now would find the session gone and leave the page for the login page.
        if (signedOut && pending.current) {
          clearTimeout(pending.current);
          pending.current = null;
        }
      },
      onEvent: (e) => {
        handler.current?.(e);
        if (!pending.current) {
          pending.current = setTimeout(() => {
            pending.current = null;
            router.refresh();
          }, 800);
        }
      },
    });
    return () => {
      unsubscribe();
      if (pending.current) clearTimeout(pending.current);
    };
  }, [router]);
  return live;
}

/** True when a key press belongs to a text field, not to the page's shortcuts. */
export function typingIn(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)) || e.metaKey || e.ctrlKey || e.altKey;
}
