import "server-only";
// Raising a request (issue 16 item 5): from a case (its investigators) or a warning (the
// dispatchers over it). One transaction writes the request, its outbox message (channel BANK or
// CARRIER: the outbound_enqueue trigger adds its job), the case's timeline event and the audit.
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { outOfScope } from "@/lib/audit/audit-denied";
import { maskBankCard, maskPhone } from "@/lib/pii";
import { chinaYear } from "@/lib/time/china";
import { scopeUnitIds } from "@/lib/units/jurisdiction";
import { actorUserId, caseForWrite, recordCaseChange } from "@/lib/cases/access";
import type { PartnerRequestKind } from "@/lib/generated/prisma/enums";
import { channelOf, DEFAULT_LEGAL_BASIS, deadlineOf, DOC_PREFIX, DOC_TITLE, isBankKind } from "@/lib/requests/rules";
import { partnerRequestCreateSchema, type PartnerRequestCreate } from "@/lib/requests/schemas";
import { normalizeContact } from "@/lib/contacts/normalize";
import { linkCaseContact } from "@/lib/contacts/commands";
import { linkIngestedContacts } from "@/lib/contacts/ingest-links";

export const maskTarget = (kind: PartnerRequestKind, target: string) => (isBankKind(kind) ? maskBankCard(target) : maskPhone(target)) ?? "";

/** The next document number of a unit, kind and year, e.g. 止付-420302-2026-00003 (serialised by an advisory lock). */
async function nextDocNumber(tx: Tx, kind: PartnerRequestKind, unitCode: string, at: Date): Promise<string> {
  const prefix = `${DOC_PREFIX[kind]}-${unitCode}-${chinaYear(at)}-`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`partner-request:${prefix}`}))`;
  const last = await tx.partnerRequest.findFirst({ where: { docNumber: { startsWith: prefix } }, orderBy: { docNumber: "desc" }, select: { docNumber: true } });
  const seq = last ? Number(last.docNumber.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(5, "0")}`;
}

type Origin = { unitId: string; unitCode: string; caseId: string | null; caseNumber: string | null; warningId: string | null };

/** Writes the request and its outbox message; returns the new request's id and number. */
async function insertRequest(tx: Tx, actor: Actor, origin: Origin, input: PartnerRequestCreate, now: Date) {
  const docNumber = await nextDocNumber(tx, input.kind, origin.unitCode, now);
  // A freeze of an account a live stop-payment holds follows it: the stop-payment then no longer lapses.
  const follows = input.kind === "FREEZE"
    ? await tx.partnerRequest.findFirst({
      where: { kind: "STOP_PAYMENT", target: input.target, unitId: origin.unitId, status: { in: ["SENT", "ACCEPTED"] }, followedBy: { none: { status: { in: ["SENT", "ACCEPTED"] } } } },
      orderBy: { requestedAt: "desc" }, select: { id: true, docNumber: true },
    })
    : null;
  const legalBasis = input.legalBasis ?? DEFAULT_LEGAL_BASIS[input.kind];
  const deadlineAt = deadlineOf(input.kind, now);
  const r = await tx.partnerRequest.create({
    data: {
      docNumber, kind: input.kind, unitId: origin.unitId, caseId: origin.caseId, warningId: origin.warningId, partnerName: input.partnerName,
      target: input.target, holderName: input.holderName ?? null, amount: input.amount, legalBasis, reason: input.reason ?? null,
      requestingAuthority: actor.unitName.slice(0, 64), handlerId: actorUserId(actor), handlerName: actor.displayName.slice(0, 64),
      approverName: input.approverName, requestedAt: now, deadlineAt, followsId: follows?.id ?? null,
    },
    select: { id: true, docNumber: true },
  });
  if (follows) await tx.partnerRequest.update({ where: { id: follows.id }, data: { lapseFlaggedAt: null } });
  await linkTargetContact(tx, actor, origin, input);
  // The API message the partner receives (the document's fields, in full: it goes to the bank or carrier only).
  const message = {
    type: "partner_request", requestId: r.id, docNumber, title: DOC_TITLE[input.kind], kind: input.kind, authority: actor.unitName, legalBasis,
    target: input.target, holderName: input.holderName ?? null, amount: input.amount, requestedAt: now.toISOString(), deadlineAt: deadlineAt?.toISOString() ?? null,
    caseNumber: origin.caseNumber, warningId: origin.warningId, handler: actor.displayName, approver: input.approverName, follows: follows?.docNumber ?? null,
  };
  await tx.outboundMessage.create({
    data: { partnerRequestId: r.id, channel: channelOf(input.kind), recipient: input.partnerName, body: JSON.stringify(message), rung: input.kind, notBefore: now },
  });
  return { ...r, follows: follows?.id ?? null };
}

/**
 * 串并案: the account (止付, 冻结) or number (停机, 核查) a request names is a fraud contact of the
 * case or warning it was raised from, linked by the contacts' own paths (normalised as everywhere):
 * a case's with its timeline event and audit (linkCaseContact), a warning's as an ingested one's.
 */
async function linkTargetContact(tx: Tx, actor: Actor, origin: Origin, input: PartnerRequestCreate): Promise<void> {
  const kind = isBankKind(input.kind) ? "BANK_ACCOUNT" : "PHONE";
  const value = normalizeContact(kind, input.target);
  if (!value) return;
  if (origin.caseId) await linkCaseContact(tx, actor, origin.caseId, { kind, value });
  if (origin.warningId) await linkIngestedContacts(tx, [{ warningId: origin.warningId, contacts: [{ kind, value }] }]);
}

const details = (input: PartnerRequestCreate, docNumber: string, follows: string | null) => ({
  kind: input.kind, docNumber, partner: input.partnerName, target: maskTarget(input.kind, input.target), amount: input.amount, follows,
});

/** A 止付 / 冻结 / 停机 / 核查 request raised from a case (its investigators, within the jurisdiction). */
export const requestFromCase = command({
  name: "request.fromCase", permission: "cases:write",
  summary: "Raise a stop-payment or freeze request to a bank, or a suspension or verification request to a carrier, from a case",
  input: partnerRequestCreateSchema, audit: ["request.create", "case.contact.add"],
  async run({ actor, input, tx, now }): Promise<{ id: string; docNumber: string }> {
    const c = await caseForWrite(tx, actor, input.id);
    const r = await insertRequest(tx, actor, { unitId: c.unitId, unitCode: c.unit.code, caseId: c.id, caseNumber: c.caseNumber, warningId: null }, input, now);
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "partner_request", action: "request.create", entityType: "PartnerRequest", entityId: r.id, data: details(input, r.docNumber, r.follows),
    });
    return { id: r.id, docNumber: r.docNumber };
  },
});

/** The same from a warning, by a dispatcher over the warning's unit. */
export const requestFromWarning = command({
  name: "request.fromWarning", permission: "warnings:triage",
  summary: "Raise a stop-payment, freeze, suspension or verification request from a warning",
  input: partnerRequestCreateSchema, audit: ["request.create"],
  async run({ actor, input, tx, now }): Promise<{ id: string; docNumber: string }> {
    const w = await tx.warning.findFirst({
      where: { id: input.id, unitId: { in: await scopeUnitIds(actor.scopePath) } },
      select: { id: true, unitId: true, caseId: true, unit: { select: { code: true } }, fraudCase: { select: { caseNumber: true } } },
    });
    if (!w) throw await outOfScope(actor, "Warning", input.id, async () => (await tx.warning.count({ where: { id: input.id } })) > 0);
    await tx.$queryRaw`SELECT id FROM warnings WHERE id = ${w.id}::uuid FOR UPDATE`;
    const r = await insertRequest(tx, actor, { unitId: w.unitId, unitCode: w.unit.code, caseId: null, caseNumber: w.fraudCase?.caseNumber ?? null, warningId: w.id }, input, now);
    await writeAudit(tx, actor, { action: "request.create", success: true, entityType: "PartnerRequest", entityId: r.id, details: { warningId: w.id, ...details(input, r.docNumber, r.follows) } });
    return { id: r.id, docNumber: r.docNumber };
  },
});
