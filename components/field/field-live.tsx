"use client";

import { useTranslations } from "next-intl";
import { useLiveRefresh } from "@/components/warnings/use-live-refresh";

/** Keeps a field page current while warnings change; says so when the stream is down. */
export function FieldLive() {
  const t = useTranslations("field");
  const live = useLiveRefresh();
  if (live === null) return null;
  return (
    <span data-testid="field-live" className={live ? "text-xs text-green-700" : "text-xs text-amber-700"}>
      {live ? t("live") : t("offline")}
    </span>
  );
}
