"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { createMeasure, revealMeasureField, updateMeasure } from "@/lib/publicity/measures";
import { formFields, runForResult } from "@/lib/publicity/result";

const FIELDS = ["unitCode", "personName", "personIdNumber", "measure", "startsOn", "endsOn", "reason", "caseNumber"] as const;

export async function createMeasureAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    await createMeasure(actor, formFields(form, FIELDS));
    revalidatePath("/publicity", "layout");
    redirect("/publicity/measures");
  });
}

export async function updateMeasureAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "publicity:write");
    await updateMeasure(actor, formFields(form, [...FIELDS, "id", "version"]));
    revalidatePath("/publicity", "layout");
    redirect("/publicity/measures");
  });
}

/** The full name or ID number of one measure's person; bound to (id, field) by the page. */
export async function revealMeasureAction(id: string, field: string, reason: string): Promise<{ ok: true; value: string } | { ok: false; code: string }> {
  const r = await runForResult(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "pii:reveal");
    return revealMeasureField(actor, { id, field }, reason);
  });
  return r.ok ? { ok: true, value: r.data } : { ok: false, code: r.code };
}
