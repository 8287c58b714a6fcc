"use client";

import { useEffect } from "react";

// Keys pressed while a warning page is not ready yet (its HTML is there but React has not hydrated
// it, or the next page is still loading after Enter) would be lost. A tiny script, run before
// hydration, queues them while no page has said it is ready; the page replays them once it is.

type KeyQueue = { keys: { key: string; at: number }[]; ready: number };
declare global {
  interface Window {
    /** Installed by KeyQueueScript (components/warnings/key-queue-script.tsx). */
    __warningKeys?: KeyQueue;
  }
}

/** How long a queued key stays worth replaying. */
const KEEP_MS = 5_000;

/**
 * Declares the calling page ready for keys and replays the ones queued meanwhile, as window
 * keydown events. Call it after the effect that installs the page's own key handler.
 */
export function useKeysReady(): void {
  useEffect(() => {
    const q = window.__warningKeys;
    if (!q) return;
    q.ready++;
    const fresh = q.keys.filter((k) => Date.now() - k.at < KEEP_MS);
    q.keys = [];
    // A task later: the render that follows hydration, which enables the submit buttons
    // (components/ui/button.tsx), has committed by then.
    const replay = setTimeout(() => {
      for (const k of fresh) window.dispatchEvent(new KeyboardEvent("keydown", { key: k.key, bubbles: true, cancelable: true }));
    });
    return () => {
      clearTimeout(replay);
      q.ready--;
    };
  }, []);
}
