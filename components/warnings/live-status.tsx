"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { useLiveRefresh } from "@/components/warnings/use-live-refresh";

/** Whether the page is receiving live changes: 实时, 正在连接…, or 连接中断. */
export function LiveStatus({ live }: { live: boolean | null }) {
  const t = useTranslations("warnings");
  return (
    <span data-testid="live" className={cn("inline-flex items-center gap-1.5 text-sm", live ? "text-green-700" : live === null ? "text-slate-400" : "text-amber-700")}>
      <span className={cn("size-2 rounded-full", live ? "animate-pulse bg-green-600" : live === null ? "bg-slate-300" : "bg-amber-500")} />
      {live ? t("live") : live === null ? t("connecting") : t("offline")}
    </span>
  );
}

/** Keeps a server-rendered page current while warnings change, and shows whether it is. */
export function LiveIndicator() {
  return <LiveStatus live={useLiveRefresh()} />;
}
