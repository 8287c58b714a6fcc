"use server";

import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { runAction, type ActionState } from "@/lib/http/action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/commands";

export type CreateKeyState = { ok: true; key: string; prefix: string; pending: boolean } | { ok: false; code: string; fields: Record<string, string> } | null;

/** Creates a key and hands it back once, for the admin to copy into the feed's configuration. */
export async function createApiKeyAction(_prev: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  try {
    const actor = await requireUser();
    await requirePermission(actor, "apikeys:manage");
    const days = String(form.get("expiresInDays") ?? "").trim();
    const created = await createApiKey(actor, { name: form.get("name"), unitCode: form.get("unitCode"), scopes: form.getAll("scopes"), sources: form.getAll("sources"), ...(days ? { expiresInDays: days } : {}) });
    revalidatePath("/admin/api-keys");
    return { ok: true, key: created.key, prefix: created.prefix, pending: created.pending };
  } catch (e) {
    if (e instanceof AppError) {
      const fields: Record<string, string> = {};
      for (const d of e.details) fields[d.path.split(".")[0] || "_"] ??= d.code;
      return { ok: false, code: e.code, fields };
    }
    throw e;
  }
}

export async function revokeApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "apikeys:manage");
    await revokeApiKey(actor, { id: form.get("id"), version: form.get("version") });
    revalidatePath("/admin/api-keys");
  });
}
