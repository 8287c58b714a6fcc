"use client";

import { useEffect } from "react";

/** At most one signal a minute: the server keeps a session's last activity to the minute. */
const EVERY_MS = 60_000;
const USERS_DOING = ["pointerdown", "keydown", "wheel", "touchstart", "popstate"] as const;

/**
 * Tells the server that the user is at the screen (POST /api/activity, at most once a minute). What
 * a page does by itself — its live re-renders, the router's prefetches, its event stream — does not
 * keep a session from idling out (lib/http/page-fetch.ts), so an unattended desk is signed out
 * after 30 minutes however busy its queue; a user who reads, types or moves within the page is not
 * (SECURITY.md A5).
 */
export function ActivitySignal() {
  useEffect(() => {
    let last = -EVERY_MS;
    const signal = () => {
      if (Date.now() - last < EVERY_MS) return;
      last = Date.now();
      fetch("/api/activity", { method: "POST", keepalive: true }).catch(() => {
        /* offline: the next signal tries again */
      });
    };
    for (const e of USERS_DOING) window.addEventListener(e, signal, { capture: true, passive: true });
    return () => {
      for (const e of USERS_DOING) window.removeEventListener(e, signal, { capture: true });
    };
  }, []);
  return null;
}
