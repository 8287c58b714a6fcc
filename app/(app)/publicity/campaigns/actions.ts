"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { createCampaign, updateCampaign } from "@/lib/publicity/campaigns";
import { formFields } from "@/lib/publicity/result";

const FIELDS = ["unitCode", "kind", "name", "status", "startedOn", "certifiedOn", "note"] as const;

export async function createCampaignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    await createCampaign(actor, formFields(form, FIELDS));
    revalidatePath("/publicity", "layout");
  });
}

export async function updateCampaignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    await updateCampaign(actor, formFields(form, [...FIELDS, "id", "version"]));
    revalidatePath("/publicity", "layout");
    redirect("/publicity/campaigns");
  });
}
