"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { redirect } from "next/navigation";
import { markAllRead, openNotifications } from "@/lib/notifications/queries";
import { alertState, setAlertPrefs, type AlertState } from "@/lib/warnings/alerts";

export async function markAllReadAction(_prev: ActionState): Promise<ActionState> {
  return runAction(async () => {
    await markAllRead(await requireUser());
    revalidatePath("/", "layout");
  });
}

/** The header's live state (unread notifications, unhandled 特高危), fetched when the stream says something changed. */
export async function alertStateAction(): Promise<AlertState> {
  return alertState(await requireUser());
}

/** Opens a notification (or a warning's group of them): marks them read and goes where they point. */
export async function openNotificationsAction(form: FormData): Promise<never> {
  const actor = await requireUser();
  const href = await openNotifications(actor, form.getAll("id").map(String));
  revalidatePath("/", "layout");
  redirect(href ?? "/notifications");
}

export async function setAlertPrefsAction(prefs: { sound: boolean; desktop: boolean }): Promise<ActionState> {
  return runAction(async () => {
    await setAlertPrefs(await requireUser(), prefs);
    revalidatePath("/", "layout");
  });
}
