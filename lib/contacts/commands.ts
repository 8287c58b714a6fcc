// 串并案 writes: a fraud contact entered on a case, and 并案 — one investigator proposes linking two
// cases with a reason, a second person holding "cases:approve" confirms or rejects. Confirmed cases
// share one group id, and every case of the group carries the group's suspects and gangs.
import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { auditDenied, outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { scopeUnitIds } from "@/lib/units/jurisdiction";
import { actorUserId, caseForWrite, caseOutOfScope, recordCaseChange } from "@/lib/cases/access";
import { displayContact } from "@/lib/contacts/normalize";
import { addCaseContactSchema, decideLinkSchema, proposeLinkSchema } from "@/lib/contacts/schemas";
import type { FraudContactKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";

/** The contact (kind, normalised value), created on first sight (concurrent creators meet on the unique key). */
export async function claimContact(tx: Tx, kind: FraudContactKind, value: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO fraud_contacts (id, kind, value) VALUES (${randomUUID()}::uuid, ${kind}::"FraudContactKind", ${value})
    ON CONFLICT (kind, value) DO UPDATE SET kind = EXCLUDED.kind RETURNING id::text AS id`;
  return row!.id;
}

/** POST /api/v1/cases/{id}/contacts: a fraud contact of the case (phone, URL, app, WeChat, QQ, bank account). */
export const addCaseContact = command({
  name: "case.contact.add", permission: "cases:write",
  summary: "Add a fraud contact to the case (normalised; the same contact on other records links them)",
  input: addCaseContactSchema, audit: ["case.contact.add"],
  async run({ actor, input, tx }): Promise<{ id: string }> {
    const c = await caseForWrite(tx, actor, input.id);
    const id = await linkCaseContact(tx, actor, c.id, input);
    if (!id) throw new AppError("CONFLICT", "the case already has this contact", [{ path: "value", code: "already_linked", message: "already linked" }]);
    return { id };
  },
});

/** Links a (normalised) contact to a case the caller holds, with its timeline event and audit record; null when already linked. */
export async function linkCaseContact(tx: Tx, actor: Actor, caseId: string, contact: { kind: FraudContactKind; value: string }): Promise<string | null> {
  const id = await claimContact(tx, contact.kind, contact.value);
  const added = await tx.caseContact.createMany({ data: [{ contactId: id, caseId }], skipDuplicates: true });
  if (added.count === 0) return null;
  await recordCaseChange(tx, actor, { caseId, kind: "contact_added", action: "case.contact.add", entityType: "FraudContact", entityId: id, data: { kind: contact.kind, contact: displayContact(contact.kind, contact.value) } });
  return id;
}

/** POST /api/v1/cases/{id}/links: propose 并案 of the case with another case of the jurisdiction. */
export const proposeCaseLink = command({
  name: "case.link.propose", permission: "cases:write",
  summary: "并案: propose linking the case with another case of the jurisdiction (a reason; a second person with cases:approve decides)",
  input: proposeLinkSchema, audit: ["case.link.propose"],
  async run({ actor, input, tx, now }): Promise<{ id: string; version: number }> {
    if (actor.kind !== "user") throw new AppError("FORBIDDEN", "a proposal is made by a person");
    if (input.id === input.otherCaseId) throw new AppError("VALIDATION", "a case cannot be linked with itself", [{ path: "otherCaseId", code: "same_case", message: "same case" }]);
    const c = await caseForWrite(tx, actor, input.id, { open: false });
    const other = await tx.fraudCase.findFirst({ where: { id: input.otherCaseId, unitId: { in: await scopeUnitIds(actor.scopePath) } }, select: { id: true, caseNumber: true, groupId: true } });
    if (!other) throw await caseOutOfScope(actor, input.otherCaseId);
    const mine = await tx.fraudCase.findUniqueOrThrow({ where: { id: c.id }, select: { groupId: true } });
    if (mine.groupId && mine.groupId === other.groupId) {
      throw new AppError("CONFLICT", "the cases are already linked", [{ path: "otherCaseId", code: "already_linked", message: "already linked" }]);
    }
    const pending = await tx.caseLinkProposal.count({
      where: { status: "PROPOSED", OR: [{ caseId: c.id, otherCaseId: other.id }, { caseId: other.id, otherCaseId: c.id }] },
    });
    if (pending) throw new AppError("CONFLICT", "a proposal for these cases is pending", [{ path: "otherCaseId", code: "already_proposed", message: "already proposed" }]);
    const p = await tx.caseLinkProposal.create({
      data: { caseId: c.id, otherCaseId: other.id, reason: input.reason, proposedById: actor.id, proposedAt: now },
      select: { id: true, version: true },
    });
    await recordCaseChange(tx, actor, { caseId: c.id, kind: "link_proposed", action: "case.link.propose", entityType: "CaseLinkProposal", entityId: p.id, data: { other: other.caseNumber, reason: input.reason } });
    return p;
  },
});

/**
 * POST /api/v1/case-links/{id}/decision: the second person's decision. Both cases must lie in the
 * decider's jurisdiction (else 404); the proposer never decides (403, audited).
 */
export const decideCaseLink = command({
  name: "case.link.decide", permission: "cases:approve",
  summary: "并案: confirm or reject a proposed link (a second person, not the proposer); confirmed cases share one group, their suspects and gangs",
  input: decideLinkSchema, audit: ["case.link.confirm", "case.link.reject"],
  async run({ actor, input, tx, now }): Promise<{ id: string; status: string; groupId: string | null }> {
    const unitIds = await scopeUnitIds(actor.scopePath);
    const p = await tx.caseLinkProposal.findFirst({
      where: { id: input.id, fraudCase: { unitId: { in: unitIds } }, otherCase: { unitId: { in: unitIds } } },
      select: { id: true, status: true, version: true, proposedById: true, caseId: true, otherCaseId: true, fraudCase: { select: { caseNumber: true } }, otherCase: { select: { caseNumber: true } } },
    });
    if (!p) throw await outOfScope(actor, "CaseLinkProposal", input.id, async () => (await getDb().caseLinkProposal.count({ where: { id: input.id } })) > 0);
    if (actor.kind !== "user" || p.proposedById === actor.id) {
      await auditDenied(actor, { entityType: "CaseLinkProposal", entityId: p.id });
      throw new AppError("FORBIDDEN", "a second person decides: not the proposer");
    }
    if (p.status !== "PROPOSED") throw new AppError("CONFLICT", "already decided", [{ path: "id", code: "already_decided", message: "already decided" }]);
    if (p.version !== input.version) throw versionConflict();
    const confirm = input.decision === "confirm";
    const { count } = await tx.caseLinkProposal.updateMany({
      where: { id: p.id, version: input.version, status: "PROPOSED" },
      data: { status: confirm ? "CONFIRMED" : "REJECTED", decidedById: actor.id, decidedAt: now, decisionNote: input.note ?? null, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    const groupId = confirm ? await mergeGroups(tx, p.caseId, p.otherCaseId, unitIds) : null;
    const action = confirm ? "case.link.confirm" : "case.link.reject";
    const data = { cases: [p.fraudCase.caseNumber, p.otherCase.caseNumber], decision: input.decision, ...(input.note ? { note: input.note } : {}) };
    await tx.caseEvent.createMany({
      data: [p.caseId, p.otherCaseId].map((caseId) => ({ caseId, kind: confirm ? "link_confirmed" : "link_rejected", data, actorId: actorUserId(actor), at: now })),
    });
    await writeAudit(tx, actor, { action, success: true, entityType: "CaseLinkProposal", entityId: p.id, details: { ...data, proposedById: p.proposedById } });
    return { id: p.id, status: confirm ? "CONFIRMED" : "REJECTED", groupId };
  },
});

/**
 * Puts both cases (and their groups) in one group, and gives every case of the group every
 * suspect and gang of the group. Returns the group id. Every case it writes lies in the decider's
 * units (SECURITY.md G36): a group already holding another jurisdiction's case is refused, for a
 * unit over both to decide.
 */
async function mergeGroups(tx: Tx, a: string, b: string, unitIds: string[]): Promise<string> {
  // Merges run one at a time (a chief's rare decision): each reads the groups as the last one
  // left them, so a group another merge grew meanwhile is moved whole, never split.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('case-groups'))`;
  const rows = await tx.$queryRaw<{ id: string; groupId: string | null }[]>`
    SELECT id::text AS id, "groupId"::text AS "groupId" FROM cases WHERE id IN (${a}::uuid, ${b}::uuid) ORDER BY id FOR UPDATE`;
  const groups = rows.map((r) => r.groupId).filter((g): g is string => !!g);
  const [{ outside }] = await tx.$queryRaw<[{ outside: number }]>`
    SELECT count(*)::int AS outside FROM cases WHERE "groupId" = ANY(${groups}::uuid[]) AND NOT ("unitId" = ANY(${unitIds}::uuid[]))`;
  if (outside) {
    throw new AppError("CONFLICT", "the group holds cases outside the decider's jurisdiction", [{ path: "id", code: "group_outside_jurisdiction", message: "a unit over every case of the group decides" }]);
  }
  const groupId = groups[0] ?? randomUUID();
  await tx.$executeRaw`
    UPDATE cases SET "groupId" = ${groupId}::uuid
     WHERE (id IN (${a}::uuid, ${b}::uuid) OR "groupId" = ANY(${groups}::uuid[])) AND "groupId" IS DISTINCT FROM ${groupId}::uuid`;
  await tx.$executeRaw`
    INSERT INTO case_suspects ("caseId", "suspectId")
    SELECT k.id, s."suspectId" FROM cases k CROSS JOIN (SELECT DISTINCT cs."suspectId" FROM case_suspects cs JOIN cases g ON g.id = cs."caseId" WHERE g."groupId" = ${groupId}::uuid) s
     WHERE k."groupId" = ${groupId}::uuid ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO gang_cases ("gangId", "caseId")
    SELECT s."gangId", k.id FROM cases k CROSS JOIN (SELECT DISTINCT gc."gangId" FROM gang_cases gc JOIN cases g ON g.id = gc."caseId" WHERE g."groupId" = ${groupId}::uuid) s
     WHERE k."groupId" = ${groupId}::uuid ON CONFLICT DO NOTHING`;
  return groupId;
}
