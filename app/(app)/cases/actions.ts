"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { runAction, type ActionState } from "@/lib/http/action";
import { createCase } from "@/lib/cases/create-case";
import { formToObject } from "@/lib/commands/form";
import { dismantleGang } from "@/lib/cases/gangs";
import { revealCasePii } from "@/lib/cases/reveal";
import { transferCase } from "@/lib/cases/transfer-case";
import { transitionCase } from "@/lib/cases/transition-case";

// Server actions of the case pages: guard, parse the form into the API's shape, call lib/cases.

async function writer(): Promise<Actor> {
  const actor = await requireUser();
  await requirePermission(actor, "cases:write");
  return actor;
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** Intake: answers the new case's id, for the form to open it. */
export async function createCaseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const body = formToObject(form);
    const { id } = await createCase(await writer(), body);
    revalidatePath("/cases");
    return id;
  });
}

export async function transitionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const caseId = field(form, "caseId");
    await transitionCase(await writer(), caseId, formToObject(form));
    revalidatePath("/cases");
    revalidatePath(`/cases/${caseId}`);
  });
}

/** 流转: back to the list, which says where the case went (the sender may no longer see it). */
export async function transferAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let caseNumber = "";
  const state = await runAction(async () => {
    const caseId = field(form, "caseId");
    ({ caseNumber } = await transferCase(await writer(), caseId, formToObject(form)));
    revalidatePath("/cases");
    revalidatePath(`/cases/${caseId}`);
  });
  if (state?.ok) redirect(`/cases?${new URLSearchParams({ transferred: caseNumber })}`);
  return state;
}

export async function dismantleGangAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    await dismantleGang(await writer(), field(form, "gangId"), formToObject(form));
    revalidatePath("/cases/gangs");
  });
}

/** One full personal value, for the reveal button (bound to the record and field on the server). */
export async function revealCasePiiAction(
  entity: string,
  id: string,
  piiField: string,
  reason: string,
): Promise<{ ok: true; value: string } | { ok: false; code: string }> {
  try {
    const actor = await requireUser();
    return { ok: true, value: await revealCasePii(actor, { entity, id, field: piiField, reason }) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code };
    throw e;
  }
}
