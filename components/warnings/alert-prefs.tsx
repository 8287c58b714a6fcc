"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setAlertPrefsAction } from "@/app/(app)/notifications/actions";

/**
 * The user's opt-in for a new 特高危: a sound, a desktop notification (the browser asks for its
 * permission when the box is ticked). Saved for the user, not the browser.
 */
export function AlertPrefs({ initial }: { initial: { sound: boolean; desktop: boolean } }) {
  const t = useTranslations("notifications.prefs");
  const [prefs, setPrefs] = useState(initial);
  const [note, setNote] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = (next: { sound: boolean; desktop: boolean }) => {
    setPrefs(next);
    start(async () => {
      const r = await setAlertPrefsAction(next);
      if (r && !r.ok) {
        setPrefs(prefs);
        setNote(t("failed"));
      }
    });
  };
  const toggleDesktop = async (on: boolean) => {
    setNote(null);
    if (on && typeof Notification !== "undefined" && Notification.permission !== "granted") {
      if ((await Notification.requestPermission()) !== "granted") setNote(t("denied"));
    }
    save({ ...prefs, desktop: on });
  };
  return (
    <fieldset className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm" data-testid="alert-prefs">
      <legend className="sr-only">{t("title")}</legend>
      <span className="font-medium">{t("title")}</span>
      <label className="inline-flex min-h-9 items-center gap-2">
        <input type="checkbox" className="size-4" checked={prefs.sound} disabled={pending} onChange={(e) => save({ ...prefs, sound: e.target.checked })} />
        {t("sound")}
      </label>
      <label className="inline-flex min-h-9 items-center gap-2">
        <input type="checkbox" className="size-4" checked={prefs.desktop} disabled={pending} onChange={(e) => void toggleDesktop(e.target.checked)} />
        {t("desktop")}
      </label>
      <span className="text-xs text-slate-500">{note ?? t("hint")}</span>
    </fieldset>
  );
}
