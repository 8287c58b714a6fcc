"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

/**
 * Keeps a server-rendered page current: listens to the warning event stream and re-renders the
 * page (router.refresh) at most every 800 ms while events arrive, and once after a reconnect (events
 * sent while the stream was down are not replayed). EventSource reconnects by itself.
 */
export function useLiveRefresh(onEvent?: (e: { kind: string; id?: string; version?: number }) => void): boolean | null {
  const router = useRouter();
  const [live, setLive] = useState<boolean | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    const source = new EventSource("/api/v1/warnings/stream");
    let dropped = false;
    source.onopen = () => {
      setLive(true);
      // Back after a drop: what changed meanwhile was not streamed, so render afresh once.
      if (dropped) router.refresh();
    };
    source.onerror = () => {
      dropped = true;
      setLive(false);
    };
    source.onmessage = (m) => {
      const e = JSON.parse(m.data) as { kind: string; id?: string; version?: number };
      if (e.kind === "hello") return;
      handler.current?.(e);
      if (!pending.current) {
        pending.current = setTimeout(() => {
          pending.current = null;
          router.refresh();
        }, 800);
      }
    };
    return () => {
      source.close();
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
