"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { markAllRead } from "@/lib/notifications/queries";

export async function markAllReadAction(_prev: ActionState): Promise<ActionState> {
  return runAction(async () => {
    await markAllRead(await requireUser());
    revalidatePath("/", "layout");
  });
}
