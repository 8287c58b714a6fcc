"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

/** Whether the page is receiving live changes: 实时, 连接中…, or 已断开. */
export function LiveStatus({ live }: { live: boolean | null }) {
  const t = useTranslations("warnings");
  return (
    <span data-testid="live" className={cn("inline-flex items-center gap-1.5 text-sm", live ? "text-green-700" : "text-slate-400")}>
      <span className={cn("size-2 rounded-full", live ? "animate-pulse bg-green-600" : "bg-slate-300")} />
      {live ? t("live") : live === null ? t("connecting") : t("offline")}
    </span>
  );
}
