"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bell, Siren } from "lucide-react";
import { useTranslations } from "next-intl";
import type { AlertState } from "@/lib/warnings/alerts";
import { subscribeWarningStream } from "@/components/warnings/use-live-refresh";

type Props = { initial: AlertState; live: boolean; prefs: { sound: boolean; desktop: boolean } };

// Warnings already announced in this tab (the header stays mounted across pages).
const announced = new Set<string>();

/** Two short tones from the browser itself (no file to load); silent where audio is not allowed yet. */
function beep() {
  try {
    const ctx = new AudioContext();
    [0, 0.25].forEach((at, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = i ? 660 : 880;
      gain.gain.setValueAtTime(0.2, ctx.currentTime + at);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + at + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + at);
      osc.stop(ctx.currentTime + at + 0.2);
    });
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    /* no audio here */
  }
}

const PREFIX = /^【[^】]*】/;

/** Keeps "【特高危 n】" in front of the tab's title while n 特高危 wait to be signed for. */
function useTitleCount(label: string | null) {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(PREFIX, "");
      const next = label ? `【${label}】${base}` : base;
      if (document.title !== next) document.title = next;
    };
    apply();
    // Each page sets its own title on navigation: put the count back in front of it.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(PREFIX, "");
    };
  }, [label]);
}

/**
 * The header's bell, live: unread notifications, and for dispatchers every 特高危 nobody has
 * signed for — counted in the tab title, and announced when a new one arrives (a banner, and the
 * sound and the desktop notification each user opts into on the notifications page).
 */
export function LiveBell({ initial, live, prefs }: Props) {
  const t = useTranslations("notifications");
  const tw = useTranslations("warnings");
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [banner, setBanner] = useState<NonNullable<AlertState["latestCritical"]> | null>(null);
  const prefsRef = useRef(prefs);
  useEffect(() => {
    prefsRef.current = prefs;
  });
  useEffect(() => {
    if (initial.latestCritical) announced.add(initial.latestCritical.id);
    // Only the state the page was rendered with counts as already seen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const announce = useCallback(
    (w: NonNullable<AlertState["latestCritical"]>) => {
      announced.add(w.id);
      setBanner(w);
      if (prefsRef.current.sound) beep();
      if (prefsRef.current.desktop && typeof Notification !== "undefined" && Notification.permission === "granted") {
        const n = new Notification(t("critical.desktopTitle"), { body: `${tw(`fraudType.${w.fraudType}`)} · ${w.unitName}`, tag: `critical:${w.id}` });
        n.onclick = () => {
          window.focus();
          router.push(`/warnings/${w.id}`);
        };
      }
    },
    [router, t, tw],
  );

  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      fetch("/api/alerts", { cache: "no-store" }).then(
        async (r) => {
          if (!r.ok) return;
          const s = (await r.json()) as AlertState;
          setState(s);
          if (s.latestCritical && !announced.has(s.latestCritical.id)) announce(s.latestCritical);
        },
        () => {},
      );
    };
    const soon = () => {
      if (!timer) timer = setTimeout(refresh, 500);
    };
    const unsubscribe = subscribeWarningStream({ onEvent: soon, onOpen: (reconnected) => reconnected && soon() });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [live, announce]);

  useTitleCount(state.unhandledCritical > 0 ? t("critical.title", { count: state.unhandledCritical }) : null);

  return (
    <>
      {state.unhandledCritical > 0 ? (
        <Link href="/warnings?risk=CRITICAL&status=PENDING" data-testid="critical-count" className="inline-flex min-h-9 items-center gap-1 rounded-md bg-red-600 px-2.5 text-sm font-semibold text-white hover:bg-red-700">
          <Siren className="size-4" aria-hidden />
          {t("critical.title", { count: state.unhandledCritical })}
        </Link>
      ) : null}
      <Link href="/notifications" aria-label={t("bell", { count: state.unread })} data-testid="notification-bell" className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100">
        <Bell className="size-5" aria-hidden />
        {state.unread > 0 ? (
          <span data-testid="bell-count" className="absolute top-1 right-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">{state.unread > 99 ? "99+" : state.unread}</span>
        ) : null}
      </Link>
      {banner ? (
        <div role="alert" data-testid="critical-banner" className="fixed top-3 left-1/2 z-50 flex w-[min(36rem,calc(100%-2rem))] -translate-x-1/2 items-center gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 shadow-lg">
          <Siren className="size-5 shrink-0 text-red-600" aria-hidden />
          <span className="flex-1">
            <b>{t("critical.banner")}</b> {tw(`fraudType.${banner.fraudType}`)} · {banner.unitName}
          </span>
          <Link href={`/warnings/${banner.id}`} onClick={() => setBanner(null)} className="rounded-md bg-red-600 px-3 py-1.5 font-medium text-white hover:bg-red-700">{t("critical.open")}</Link>
          <button type="button" onClick={() => setBanner(null)} className="px-1 text-red-700 hover:underline">{t("critical.dismiss")}</button>
        </div>
      ) : null}
    </>
  );
}
