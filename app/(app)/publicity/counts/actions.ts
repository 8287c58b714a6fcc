"use server";

import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { setDailyCount } from "@/lib/publicity/counts";
import { formFields } from "@/lib/publicity/result";

export async function setCountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    await setDailyCount(actor, formFields(form, ["unitCode", "metric", "day", "count", "version"]));
    revalidatePath("/publicity", "layout");
  });
}
