"use server";

import { revalidatePath } from "next/cache";
import { randomUUID } from "node:crypto";
import { requireAnyPermission, requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { AppError } from "@/lib/errors";
import { dispatchWarning, logWarningAction, takeNextWarning, transitionWarning } from "@/lib/warnings/commands";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { bulkSelectionSchema } from "@/lib/warnings/schemas";
import { unitCodeSchema } from "@/lib/validation/fields";
import { issuesOf } from "@/lib/validation/parse";
import { revealWarningField } from "@/lib/warnings/reveal";

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return v === null || v === "" ? undefined : String(v);
};

export async function transitionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await transitionWarning(actor, String(form.get("id")), { to: field(form, "to"), version: field(form, "version"), outcome: field(form, "outcome"), note: field(form, "note") });
    revalidatePath("/warnings");
  });
}

/** A bulk action's answer: how many went through; a malformed call names its first bad field instead. */
type BulkResult = { done: number; failed: number; code?: "VALIDATION"; field?: string; reason?: string };

/** The selection, checked (SECURITY.md G32): a malformed one is refused with its field, never a 500. */
function selectionOf(items: unknown, unitCode?: unknown): { ok: true; items: { id: string; version: number }[] } | { ok: false; refusal: BulkResult } {
  const parsed = bulkSelectionSchema.safeParse(items);
  const unit = unitCode === undefined ? null : unitCodeSchema.safeParse(unitCode);
  const issue = !parsed.success ? { ...issuesOf(parsed.error)[0]!, prefix: "items" } : unit && !unit.success ? { ...issuesOf(unit.error)[0]!, prefix: "unitCode" } : null;
  if (issue || !parsed.success) return { ok: false, refusal: { done: 0, failed: 0, code: "VALIDATION", field: [issue?.prefix, issue?.path].filter(Boolean).join("."), reason: issue?.code } };
  return { ok: true, items: parsed.data };
}

/** 签收 several warnings at once; each one that changed meanwhile is reported, the rest go through. */
export async function bulkAcknowledgeAction(raw: unknown): Promise<BulkResult> {
  const actor = await requireUser();
  // One audited denial for the whole batch, not one per item.
  await requireAnyPermission(actor, ["warnings:triage", "warnings:work"]);
  const selection = selectionOf(raw);
  if (!selection.ok) return selection.refusal;
  const items = selection.items;
  let done = 0;
  for (const it of items) {
    await transitionWarning(actor, it.id, { to: "ACKNOWLEDGED", version: it.version }).then(() => done++, () => {});
  }
  revalidatePath("/warnings");
  return { done, failed: items.length - done };
}

export async function bulkDispatchAction(raw: unknown, rawUnitCode: unknown, note?: string): Promise<BulkResult> {
  const actor = await requireUser();
  await requirePermission(actor, "warnings:triage");
  const selection = selectionOf(raw, rawUnitCode);
  if (!selection.ok) return selection.refusal;
  const [items, unitCode] = [selection.items, String(rawUnitCode)];
  let done = 0;
  for (const it of items) {
    await dispatchWarning(actor, it.id, { unitCode, version: it.version, ...(note ? { note } : {}) }).then(() => done++, () => {});
  }
  revalidatePath("/warnings");
  return { done, failed: items.length - done };
}

export async function dispatchAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await dispatchWarning(actor, String(form.get("id")), { unitCode: field(form, "unitCode"), version: field(form, "version"), note: field(form, "note") });
    revalidatePath("/warnings");
  });
}

export async function logCallAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "actions:write");
    const minutes = field(form, "durationMinutes");
    await logWarningAction(actor, String(form.get("id")), {
      kind: field(form, "kind") ?? "HOTLINE_CALL",
      result: field(form, "result"),
      durationSeconds: minutes !== undefined && /^\d+(\.\d+)?$/.test(minutes) ? Math.round(Number(minutes) * 60) : minutes,
      amountProtected: field(form, "amountProtected"),
      note: field(form, "note"),
      followUpOn: field(form, "followUpOn"),
    });
    revalidatePath("/warnings");
  });
}

export async function takeNextAction(): Promise<{ id: string } | null> {
  const actor = await requireUser();
  const next = await takeNextWarning(actor);
  revalidatePath("/warnings");
  return next ? { id: next.id } : null;
}

/** Manual entry of a 96110 call or a walk-in: the same validation as the ingestion API. */
export async function createManualWarningAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "warnings:ingest");
    const victim = Object.fromEntries(
      Object.entries({ name: field(form, "victimName"), phone: field(form, "victimPhone"), idNumber: field(form, "victimIdNumber"), address: field(form, "victimAddress"), age: field(form, "victimAge") ? Number(field(form, "victimAge")) : undefined, gender: field(form, "victimGender") }).filter(([, v]) => v !== undefined),
    );
    const [result] = await ingestWarnings(actor, [{
      source: field(form, "source") ?? "HOTLINE",
      externalId: `M-${randomUUID()}`,
      riskLevel: field(form, "riskLevel"),
      fraudType: field(form, "fraudType"),
      receivedAt: new Date().toISOString(),
      victim,
      contact: { channel: field(form, "contactChannel"), value: field(form, "contactValue") },
      ...(field(form, "unitCode") ? { unitCode: field(form, "unitCode") } : {}),
      ...(field(form, "amountAtRisk") ? { amountAtRisk: field(form, "amountAtRisk") } : {}),
      ...(field(form, "note") ? { note: field(form, "note") } : {}),
    }]);
    if (result!.status === "rejected") {
      throw new AppError("VALIDATION", "invalid warning", (result!.errors ?? []).map((e) => ({ ...e, path: e.path.replace(/^victim\.(\w)/, (_m, c: string) => `victim${c.toUpperCase()}`).replace(/^contact\.(\w)/, (_m, c: string) => `contact${c.toUpperCase()}`) })));
    }
    revalidatePath("/warnings");
    // A repeat caller's entry joins the open warning: the form says which one, and which repeat.
    const m = result!.mergedInto;
    return m ? { id: result!.id!, notice: { source: m.source, externalId: m.externalId, repeat: m.repeat } } : result!.id!;
  });
}

export async function revealAction(id: string, fieldName: string, reason: string) {
  try {
    const actor = await requireUser();
    return { ok: true as const, value: await revealWarningField(actor, id, fieldName, reason) };
  } catch (e) {
    return { ok: false as const, code: e instanceof AppError ? e.code : "INTERNAL" };
  }
}
