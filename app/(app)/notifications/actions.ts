"use server";

import { callAction, formAction } from "@/lib/commands/action";
import { markAllRead, openNotifications } from "@/lib/notifications/queries";
import { setAlertPrefs } from "@/lib/warnings/alerts";

/** The header's badge and the bell live in the layout: every page shows them. */
const everywhere = { revalidate: [["/", "layout"]] } as const;

export const markAllReadAction = formAction(markAllRead, everywhere);

/** Opens a notification (or a warning's group of them, posted as ids.0, ids.1 …): marks them read and goes where they point. */
export const openNotificationsAction = formAction(openNotifications, { ...everywhere, redirect: (href) => href ?? "/notifications" });

export const setAlertPrefsAction = callAction(setAlertPrefs, (prefs: { sound: boolean; desktop: boolean }) => prefs, everywhere);
