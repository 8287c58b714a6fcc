"use server";

import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { AppError } from "@/lib/errors";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordFollowUpVisit } from "@/lib/field/record-follow-up-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { assignWarning, claimWarning } from "@/lib/field/assign";
import { revealCustomerPhone, revealForVisit } from "@/lib/field/reveal";

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return v === null || v === "" ? undefined : String(v);
};
const flag = (form: FormData, name: string) => form.get(name) === "on";
/** A `datetime-local` value is China time; anything else goes on as typed for the schema to judge. */
const chinaInstant = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v.length === 16 ? `${v}:00` : v}+08:00` : v);
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function visitFrom(form: FormData) {
  const found = field(form, "personFound");
  return defined({
    arrivedAt: chinaInstant(field(form, "arrivedAt")),
    personFound: found === "yes" ? true : found === "no" ? false : found,
    outcome: field(form, "outcome"),
    fraudType: field(form, "fraudType"),
    amountProtected: field(form, "amountProtected"),
    appRegistered: flag(form, "appRegistered"),
    relativesContacted: flag(form, "relativesContacted"),
    note: field(form, "note"),
    followUpOn: field(form, "followUpOn"),
  });
}

function refresh() {
  revalidatePath("/field", "layout");
}

export async function homeVisitAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "actions:write");
    const r = await recordHomeVisit(actor, String(form.get("warningId")), visitFrom(form), field(form, "idempotencyKey"));
    refresh();
    return r.id;
  });
}

export async function followUpVisitAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "actions:write");
    const r = await recordFollowUpVisit(actor, String(form.get("originId")), visitFrom(form), field(form, "idempotencyKey"));
    refresh();
    return r.id;
  });
}

export async function counterInterceptAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "actions:write");
    const r = await recordCounterIntercept(actor, defined({
      occurredAt: chinaInstant(field(form, "occurredAt")),
      bankName: field(form, "bankName"),
      bankBranch: field(form, "bankBranch"),
      customerName: field(form, "customerName"),
      customerIdNumber: field(form, "customerIdNumber"),
      customerPhone: field(form, "customerPhone"),
      amountProtected: field(form, "amountProtected"),
      fraudType: field(form, "fraudType"),
      appRegistered: flag(form, "appRegistered"),
      relativesContacted: flag(form, "relativesContacted"),
      note: field(form, "note"),
      followUpOn: field(form, "followUpOn"),
      warningId: field(form, "warningId"),
    }), field(form, "idempotencyKey"));
    refresh();
    return r.id;
  });
}

export async function claimAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "warnings:work");
    await claimWarning(actor, String(form.get("id")), { version: field(form, "version") });
    refresh();
  });
}

export async function assignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "warnings:triage");
    await assignWarning(actor, String(form.get("id")), { userId: field(form, "userId"), version: field(form, "version") });
    refresh();
  });
}

type Reveal = { ok: true; value: string } | { ok: false; code: string };
const reveal = async (get: () => Promise<string>): Promise<Reveal> => {
  try {
    return { ok: true, value: await get() };
  } catch (e) {
    return { ok: false, code: e instanceof AppError ? e.code : "INTERNAL" };
  }
};

/** The full number to call (tel:), or the full address to go to, audited with the reason given. */
export async function revealVictimAction(warningId: string, what: "victimPhone" | "victimAddress", reason: string): Promise<Reveal> {
  return reveal(async () => revealForVisit(await requireUser(), warningId, what, reason));
}

export async function revealCustomerPhoneAction(actionId: string, reason: string): Promise<Reveal> {
  return reveal(async () => revealCustomerPhone(await requireUser(), actionId, reason));
}
