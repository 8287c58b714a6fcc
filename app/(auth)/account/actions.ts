"use server";

import { AppError } from "@/lib/errors";
import { requireAccountSession } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { confirmTotpEnrollment, regenerateRecoveryCodes, removeOwnFactor, startTotpEnrollment } from "@/lib/auth/totp-enrollment";

// The account actions accept a pending session (lib/auth/session.ts): they are how a user pays
// what the session owes. They act on the caller's own account only, never on another's.

export type DataState<T> = (Extract<ActionState, { ok: true }> & { data: T }) | Extract<ActionState, { ok: false }> | null;

async function withData<T>(body: () => Promise<T>): Promise<DataState<T>> {
  let data: T | undefined;
  const state = await runAction(async () => {
    data = await body();
  });
  return state?.ok ? { ...state, data: data as T } : state;
}

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { actor } = await requireAccountSession();
    await changeOwnPassword(actor, { current: form.get("current"), next: form.get("next"), confirm: form.get("confirm") });
  });
}

export async function startTotpAction(): Promise<DataState<{ secret: string; qr: string }>> {
  return withData(async () => {
    const { actor, pending } = await requireAccountSession();
    // The password comes first: a session owing a password change enrols nothing.
    if (pending === "password") throw new AppError("FORBIDDEN", "change your password first");
    const { secret, qr } = await startTotpEnrollment(actor);
    return { secret, qr };
  });
}

export async function confirmTotpAction(_prev: DataState<{ recoveryCodes: string[] }>, form: FormData): Promise<DataState<{ recoveryCodes: string[] }>> {
  return withData(async () => {
    const { actor, pending } = await requireAccountSession();
    if (pending === "password") throw new AppError("FORBIDDEN", "change your password first");
    return confirmTotpEnrollment(actor, { code: form.get("code") });
  });
}

export async function regenerateCodesAction(_prev: DataState<{ recoveryCodes: string[] }>, form: FormData): Promise<DataState<{ recoveryCodes: string[] }>> {
  return withData(async () => {
    const { actor, pending } = await requireAccountSession();
    if (pending) throw new AppError("FORBIDDEN", "finish signing in first");
    return regenerateRecoveryCodes(actor, { code: form.get("code") });
  });
}

export async function removeFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { actor, pending } = await requireAccountSession();
    if (pending) throw new AppError("FORBIDDEN", "finish signing in first");
    await removeOwnFactor(actor, { code: form.get("code") });
  });
}
