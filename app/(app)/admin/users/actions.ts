"use server";

import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { createUser, updateUser } from "@/lib/users/commands";
import { endUserSessions, resetUserFactor, resetUserPassword } from "@/lib/auth/admin-credentials";

/** A one-time password handed back once (a new account, a reset), and whether it waits for approval. */
export type CredentialState = ActionState | { ok: true; at: number; username: string; password: string; pending: boolean };
/** A change of an account, applied or sent for approval (`pending`). */
export type UpdateUserState = ActionState | { ok: true; at: number; pending: boolean };

async function withResult<R extends object>(body: () => Promise<R>): Promise<ActionState | ({ ok: true; at: number } & R)> {
  let result: R | undefined;
  const state = await runAction(async () => {
    result = await body();
  });
  return state?.ok && result ? { ...state, ...result } : state;
}

export async function createUserAction(_prev: CredentialState, form: FormData): Promise<CredentialState> {
  return withResult(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "users:manage");
    const username = String(form.get("username") ?? "");
    const { password, pending } = await createUser(actor, {
      username: form.get("username"),
      displayName: form.get("displayName"),
      role: form.get("role"),
      unitCode: form.get("unitCode"),
      grants: form.getAll("grants"),
    });
    revalidatePath("/admin/users");
    return { username, password, pending };
  });
}

export async function updateUserAction(_prev: UpdateUserState, form: FormData): Promise<UpdateUserState> {
  return withResult(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "users:manage");
    const active = form.get("active");
    const result = await updateUser(actor, {
      id: form.get("id"),
      version: form.get("version"),
      ...(form.has("role") ? { role: form.get("role") } : {}),
      ...(form.has("unitCode") ? { unitCode: form.get("unitCode") } : {}),
      ...(active !== null ? { active: active === "true" } : {}),
    });
    revalidatePath("/admin/users");
    return result;
  });
}

export async function resetPasswordAction(_prev: CredentialState, form: FormData): Promise<CredentialState> {
  return withResult(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "users:manage");
    const reset = await resetUserPassword(actor, { id: form.get("id") });
    revalidatePath("/admin/users");
    return reset;
  });
}

export async function resetFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "users:manage");
    await resetUserFactor(actor, { id: form.get("id") });
    revalidatePath("/admin/users");
  });
}

export async function endSessionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "users:manage");
    await endUserSessions(actor, { id: form.get("id") });
  });
}
