"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { createEvent, updateEvent } from "@/lib/publicity/events";
import { formFields } from "@/lib/publicity/result";

const FIELDS = ["unitCode", "kind", "targetGroup", "title", "occurredOn", "place", "audienceCount", "appRegistrations", "materialsCount", "volunteers", "note"] as const;

export async function createEventAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    await createEvent(actor, formFields(form, FIELDS));
    revalidatePath("/publicity", "layout");
  });
}

export async function updateEventAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    await updateEvent(actor, formFields(form, [...FIELDS, "id", "version"]));
    revalidatePath("/publicity", "layout");
    redirect("/publicity/events");
  });
}
