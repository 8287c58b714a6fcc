"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

export type StreamEvent = { kind: string; id?: string; version?: number; count?: number };
type Listener = { onEvent?: (e: StreamEvent) => void; onOpen?: (reconnected: boolean) => void; onError?: () => void };

// One EventSource per tab, shared by the page (useLiveRefresh) and the header (the live bell).
let source: EventSource | null = null;
const listeners = new Set<Listener>();

/** Subscribes to the warning event stream; the connection closes with its last subscriber. */
export function subscribeWarningStream(l: Listener): () => void {
  listeners.add(l);
  if (!source) {
    const s = new EventSource("/api/v1/warnings/stream");
    let dropped = false;
    s.onopen = () => {
      listeners.forEach((x) => x.onOpen?.(dropped));
      dropped = false;
    };
    s.onerror = () => {
      dropped = true;
      listeners.forEach((x) => x.onError?.());
    };
    s.onmessage = (m) => {
      const e = JSON.parse(m.data) as StreamEvent;
      if (e.kind !== "hello") listeners.forEach((x) => x.onEvent?.(e));
    };
    source = s;
  } else if (source.readyState === EventSource.OPEN) {
    queueMicrotask(() => l.onOpen?.(false));
  }
  return () => {
    listeners.delete(l);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}

/**
 * Keeps a server-rendered page current: listens to the warning event stream and re-renders the
 * page (router.refresh) at most every 800 ms while events arrive, and once after a reconnect (events
 * sent while the stream was down are not replayed). EventSource reconnects by itself.
 */
export function useLiveRefresh(onEvent?: (e: StreamEvent) => void): boolean | null {
  const router = useRouter();
  const [live, setLive] = useState<boolean | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    const unsubscribe = subscribeWarningStream({
      onOpen: (reconnected) => {
        setLive(true);
        // Back after a drop: what changed meanwhile was not streamed, so render afresh once.
        if (reconnected) router.refresh();
      },
      onError: () => setLive(false),
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
