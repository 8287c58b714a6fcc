"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { acknowledgeHandover, createHandover } from "@/lib/handover/commands";

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return v === null || v === "" ? undefined : String(v);
};

/** 交班: the outgoing dispatcher's handover (permission, scope and audit are lib/handover's). */
export async function createHandoverAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    const { id } = await createHandover(actor, { shiftStart: field(form, "shiftStart"), note: field(form, "note") });
    revalidatePath("/handover");
    return id;
  });
}

/** 接班: the incoming dispatcher acknowledges a handover of their desk. */
export async function acknowledgeHandoverAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await acknowledgeHandover(actor, { id: field(form, "id"), version: field(form, "version") });
    revalidatePath("/handover");
  });
}
