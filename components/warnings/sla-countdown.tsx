"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { formatSpan } from "@/lib/i18n/duration";
import { slaTone } from "@/lib/warnings/sla";

/**
 * The clock every countdown on the page shares: one timer, one tick a second, and the countdowns
 * it moves render together (a queue of 50 rows had 50 timers, each rendering on its own).
 */
const clock = { now: Date.now(), timer: undefined as ReturnType<typeof setInterval> | undefined, listeners: new Set<() => void>() };

function subscribe(listener: () => void): () => void {
  clock.listeners.add(listener);
  if (!clock.timer) {
    // Idle since the last countdown left: the time read while rendering is stale, and React renders
    // again when it sees the snapshot change here.
    clock.now = Date.now();
    clock.timer = setInterval(() => {
      clock.now = Date.now();
      for (const l of clock.listeners) l();
    }, 1000);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0) {
      clearInterval(clock.timer);
      clock.timer = undefined;
    }
  };
}

function useNow(): number {
  // On the server, the time of the render (a module's clock there is as old as the process).
  return useSyncExternalStore(subscribe, () => clock.now, () => (typeof window === "undefined" ? Date.now() : clock.now));
}

const pad = (n: number) => String(n).padStart(2, "0");
/** The last hour ticks as a clock (mm:ss); longer spans read in words (2小时5分, 1天3小时). */
function span(ms: number, tc: Parameters<typeof formatSpan>[1]): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  return s >= 3600 ? formatSpan(ms, tc) : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/** Time left on the current SLA step, toned by slaTone (amber in its last stretch, red once breached). */
export function SlaCountdown({ dueAt, startedAt, step }: { dueAt: string; startedAt: string; step: string }) {
  const t = useTranslations("warnings");
  const tc = useTranslations("common");
  const now = useNow();
  const due = new Date(dueAt).getTime();
  const left = due - now;
  const tone = slaTone(new Date(due), (due - new Date(startedAt).getTime()) / 60_000, new Date(now));
  return (
    <span
      // The server's clock and the browser's differ by the time the page takes to arrive.
      suppressHydrationWarning
      data-sla={tone}
      className={cn(
        "inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-mono text-xs tabular-nums",
        tone === "red" && "bg-red-600 text-white",
        tone === "amber" && "bg-amber-100 text-amber-900",
        tone === "ok" && "bg-slate-100 text-slate-700",
      )}
    >
      <span className="font-sans">{t(`step.${step}`)}</span>
      {left <= 0 ? t("sla.over", { time: span(left, tc) }) : t("sla.left", { time: span(left, tc) })}
    </span>
  );
}
