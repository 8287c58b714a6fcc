import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SuspectStatus } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound, versionConflict } from "@/lib/errors";
import { command, type CommandContext } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { maskName } from "@/lib/pii";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { actorUserId, caseForWrite, invalidField, recordCaseChange } from "@/lib/cases/access";
import { assertSuspectTransition, SUSPECT_DATE_FIELD } from "@/lib/cases/state-machine";
import { uuidSchema } from "@/lib/validation/fields";
import { eitherByKey, linkSuspectSchema, newSuspectSchema, suspectGangSchema, suspectStatusSchema } from "@/lib/cases/schemas";

/**
 * Adds a suspect to an open case: a new one (`{ name, … }`, owned by the case's unit) or one known
 * from another case of the jurisdiction (`{ suspectId }`): a suspect can span several cases.
 */
export const addSuspect = command({
  name: "case.suspect.add", permission: "cases:write",
  summary: "Add a new suspect to an open case, or one known from another case of the jurisdiction",
  input: eitherByKey("suspectId", linkSuspectSchema.extend({ id: uuidSchema }), newSuspectSchema.extend({ id: uuidSchema })),
  audit: ["case.suspect.add"],
  async run({ actor, input, tx }): Promise<{ id: string }> {
    const linking = "suspectId" in input;
    const c = await caseForWrite(tx, actor, input.id);
    let suspect: { id: string; name: string; status: SuspectStatus };
    if ("suspectId" in input) {
      const s = await tx.suspect.findFirst({ where: { id: input.suspectId, ...inJurisdiction(actor) }, select: { id: true, name: true, status: true } });
      if (!s) throw invalidField("suspectId", "unknown_suspect");
      if (await tx.caseSuspect.findUnique({ where: { caseId_suspectId: { caseId: c.id, suspectId: s.id } } })) {
        throw new AppError("CONFLICT", "the suspect is already on this case", [{ path: "suspectId", code: "already_linked", message: "already linked" }]);
      }
      suspect = s;
    } else {
      const fresh = input;
      if (fresh.gangId) await gangInScope(tx, actor, fresh.gangId);
      suspect = await tx.suspect.create({
        data: {
          unitId: c.unitId, name: fresh.name, idNumber: fresh.idNumber ?? null, phone: fresh.phone ?? null,
          gender: fresh.gender ?? null, gangId: fresh.gangId ?? null, note: fresh.note ?? null,
        },
        select: { id: true, name: true, status: true },
      });
    }
    await tx.caseSuspect.create({ data: { caseId: c.id, suspectId: suspect.id } });
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "suspect_added", action: "case.suspect.add", entityType: "Suspect", entityId: suspect.id,
      data: { name: maskName(suspect.name), status: suspect.status, ...(linking ? { linked: true } : {}) },
    });
    return { id: suspect.id };
  },
});

/** The suspect, reached through a case of the jurisdiction that names them, or 404. */
async function suspectOfCase(tx: Tx, actor: Actor, caseId: string, suspectId: string) {
  const c = await caseForWrite(tx, actor, caseId, { open: false });
  const s = await tx.suspect.findFirst({
    where: { id: suspectId, cases: { some: { caseId: c.id } } },
    select: { id: true, name: true, status: true, version: true, arrestedAt: true, detainedAt: true, prosecutedAt: true, releasedAt: true, createdAt: true },
  });
  if (!s) throw notFound("suspect");
  return { c, s };
}

const statusInput = suspectStatusSchema.extend({ id: uuidSchema, subId: uuidSchema });
const gangInput = suspectGangSchema.extend({ id: uuidSchema, subId: uuidSchema });

/**
 * One suspect of the case: `{ version, status, at?, note? }` moves them on, `{ version, gangId? }`
 * puts them in a gang of the jurisdiction (or takes them out).
 */
export const updateSuspect = command({
  name: "case.suspect.update", permission: "cases:write",
  summary: "Move a suspect on (抓获, 刑拘 …) or set their gang",
  input: eitherByKey("status", statusInput, gangInput), audit: ["case.suspect.status", "case.suspect.gang"],
  run: (ctx) => ("status" in ctx.input ? moveSuspect({ ...ctx, input: ctx.input }) : setSuspectGang({ ...ctx, input: ctx.input })),
});

/**
 * wanted → arrested (抓获) → detained (刑拘) → prosecuted (起诉) / released (释放), each with its date
 * (never before the previous step's). The change shows on the timeline of every case of the
 * jurisdiction that names the suspect.
 */
async function moveSuspect({ actor, input, tx, now }: CommandContext<z.infer<typeof statusInput>>): Promise<{ id: string; version: number }> {
  const { s } = await suspectOfCase(tx, actor, input.id, input.subId);
  if (s.version !== input.version) throw versionConflict();
  assertSuspectTransition(s.status, input.status);
  const at = input.at ?? now;
  const previous = [s.releasedAt, s.prosecutedAt, s.detainedAt, s.arrestedAt].find((d): d is Date => d !== null);
  if (previous && at < previous) throw invalidField("at", "before_previous_step");
  const data: Prisma.SuspectUpdateManyMutationInput = { status: input.status, [SUSPECT_DATE_FIELD[input.status]]: at, version: { increment: 1 } };
  if (input.note) data.note = input.note;
  const { count } = await tx.suspect.updateMany({ where: { id: s.id, version: s.version }, data });
  if (count === 0) throw versionConflict();
  const event = { name: maskName(s.name), from: s.status, to: input.status, at: at.toISOString() };
  const cases = await tx.caseSuspect.findMany({ where: { suspectId: s.id, fraudCase: inJurisdiction(actor) }, select: { caseId: true } });
  for (const { caseId: id } of cases) {
    await tx.caseEvent.create({ data: { caseId: id, kind: "suspect_status", data: event, actorId: actorUserId(actor) } });
  }
  await recordAudit(tx, actor, s.id, input.id, event);
  return { id: s.id, version: s.version + 1 };
}

/** Puts a suspect in a gang of the jurisdiction (or takes them out, with no gangId). */
async function setSuspectGang({ actor, input, tx }: CommandContext<z.infer<typeof gangInput>>): Promise<{ id: string; version: number }> {
  const { c, s } = await suspectOfCase(tx, actor, input.id, input.subId);
  if (s.version !== input.version) throw versionConflict();
  const gang = input.gangId ? await gangInScope(tx, actor, input.gangId) : null;
  const { count } = await tx.suspect.updateMany({ where: { id: s.id, version: s.version }, data: { gangId: gang?.id ?? null, version: { increment: 1 } } });
  if (count === 0) throw versionConflict();
  await recordCaseChange(tx, actor, {
    caseId: c.id, kind: "suspect_gang", action: "case.suspect.gang", entityType: "Suspect", entityId: s.id,
    data: { name: maskName(s.name), gang: gang?.name ?? null },
  });
  return { id: s.id, version: s.version + 1 };
}

export async function gangInScope(tx: Tx, actor: Actor, gangId: string) {
  const gang = await tx.gang.findFirst({ where: { id: gangId, ...inJurisdiction(actor) }, select: { id: true, name: true, version: true, dismantledAt: true } });
  if (!gang) throw invalidField("gangId", "unknown_gang");
  return gang;
}

async function recordAudit(tx: Tx, actor: Actor, suspectId: string, caseId: string, event: Record<string, unknown>) {
  await writeAudit(tx, actor, { action: "case.suspect.status", success: true, entityType: "Suspect", entityId: suspectId, details: { caseId, ...event } });
}
