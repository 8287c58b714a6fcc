"use server";

import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { createUser, updateUser } from "@/lib/users/commands";
import { endUserSessions, resetUserFactor } from "@/lib/auth/admin-credentials";

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "users:manage");
    await createUser(actor, {
      username: form.get("username"),
      displayName: form.get("displayName"),
      role: form.get("role"),
      unitCode: form.get("unitCode"),
      password: form.get("password"),
      grants: form.getAll("grants"),
    });
    revalidatePath("/admin/users");
  });
}

export async function updateUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "users:manage");
    const active = form.get("active");
    await updateUser(actor, {
      id: form.get("id"),
      version: form.get("version"),
      ...(form.has("role") ? { role: form.get("role") } : {}),
      ...(form.has("unitCode") ? { unitCode: form.get("unitCode") } : {}),
      ...(active !== null ? { active: active === "true" } : {}),
    });
    revalidatePath("/admin/users");
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
