"use server";

import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { createUnit, updateUnit } from "@/lib/units/commands";

const keywords = (v: FormDataEntryValue | null) =>
  String(v ?? "").split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);

export async function createUnitAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "units:manage");
    const population = String(form.get("population") ?? "").trim();
    await createUnit(actor, {
      code: form.get("code"),
      name: form.get("name"),
      kind: form.get("kind"),
      parentCode: form.get("parentCode"),
      ...(population ? { population } : {}),
      addressKeywords: keywords(form.get("addressKeywords")),
    });
    revalidatePath("/admin/units");
  });
}

export async function updateUnitAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "units:manage");
    const active = form.get("active");
    await updateUnit(actor, {
      id: form.get("id"),
      version: form.get("version"),
      ...(active !== null ? { active: active === "true" } : {}),
    });
    revalidatePath("/admin/units");
  });
}
