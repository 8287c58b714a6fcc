"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { SignInAgain } from "@/components/ui/sign-in-again";
import { useLiveRefresh, type LiveState } from "@/components/warnings/use-live-refresh";

const TONE: Record<LiveState, { text: string; dot: string }> = {
  live: { text: "text-green-700", dot: "animate-pulse bg-green-600" },
  connecting: { text: "text-slate-400", dot: "bg-slate-300" },
  down: { text: "text-amber-700", dot: "bg-amber-500" },
  signedOut: { text: "rounded-md bg-red-600 px-2 py-0.5 font-medium text-white", dot: "bg-white" },
};

/**
 * Whether the page is receiving live changes: 实时, 正在连接…, 连接中断, or — the session lapsed —
 * that nothing arrives until the user signs in again, with the way to (a new tab: a form on this
 * page keeps what was typed; the stream comes back by itself once signed in).
 */
export function LiveStatus({ live }: { live: LiveState }) {
  const t = useTranslations("warnings");
  return (
    <span data-testid="live" data-state={live} className={cn("inline-flex flex-wrap items-center gap-1.5 text-sm", TONE[live].text)}>
      <span className={cn("size-2 rounded-full", TONE[live].dot)} />
      {t(`liveState.${live}`)}
      {live === "signedOut" ? <SignInAgain /> : null}
    </span>
  );
}

/** Keeps a server-rendered page current while warnings change, and shows whether it is. */
export function LiveIndicator() {
  return <LiveStatus live={useLiveRefresh()} />;
}
