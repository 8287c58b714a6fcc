import "server-only";
// Reading requests, within the reader's jurisdiction (the request's unit: its case's or warning's).
// Lists show account and phone numbers masked; the printable document shows them in full, since it
// is what goes to the bank or carrier — opening it is audited (request.document).
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { maskName } from "@/lib/pii";
import { revealReasonSchema } from "@/lib/pii/reveal";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { canonical } from "@/lib/cases/money";
import { deadlineState, LAPSE_WARNING_MS } from "@/lib/requests/rules";
import { UNFOLLOWED_STOP } from "@/lib/requests/flag-lapsed";
import { maskTarget } from "@/lib/requests/create";
import { partnerRequestIdSchema, partnerRequestListSchema } from "@/lib/requests/schemas";

const PAGE = 50;
const LIVE: Prisma.EnumPartnerRequestStatusFilter = { in: ["SENT", "ACCEPTED"] };

const select = {
  id: true, docNumber: true, kind: true, status: true, partnerName: true, target: true, holderName: true, amount: true, amountStopped: true,
  amountProtected: true, requestedAt: true, deadlineAt: true, lapseFlaggedAt: true, answeredAt: true, answerReason: true, version: true,
  caseId: true, warningId: true, followsId: true, handlerName: true, approverName: true,
  unit: { select: { code: true, name: true } },
  fraudCase: { select: { caseNumber: true } },
  follows: { select: { id: true, docNumber: true } },
  followedBy: { where: { status: LIVE }, select: { id: true, docNumber: true } },
} satisfies Prisma.PartnerRequestSelect;
type Row = Prisma.PartnerRequestGetPayload<{ select: typeof select }>;

const money = (v: Prisma.Decimal | null) => (v === null ? null : canonical(v));

function toItem(r: Row, now: Date) {
  const followed = r.followedBy.length > 0;
  return {
    id: r.id, docNumber: r.docNumber, kind: r.kind, status: r.status, partnerName: r.partnerName,
    target: maskTarget(r.kind, r.target), holderName: maskName(r.holderName) ?? null,
    amount: money(r.amount), amountStopped: money(r.amountStopped), amountProtected: canonical(r.amountProtected),
    requestedAt: r.requestedAt, deadlineAt: r.deadlineAt, answeredAt: r.answeredAt, answerReason: r.answerReason, version: r.version,
    caseId: r.caseId, caseNumber: r.fraudCase?.caseNumber ?? null, warningId: r.warningId, unit: r.unit,
    follows: r.follows, followedBy: r.followedBy, handlerName: r.handlerName, approverName: r.approverName,
    deadline: deadlineState({ ...r, followed }, now),
  };
}
export type PartnerRequestItem = ReturnType<typeof toItem>;

/** The requests of the reader's jurisdiction, newest first, filtered by kind, status, deadline flag, case or warning. */
export const listPartnerRequests = command({
  name: "request.list", permission: "cases:read",
  summary: "List bank and carrier requests of the jurisdiction (numbers masked), with their deadline flags",
  input: partnerRequestListSchema, audit: false,
  async run({ actor, input, db, now }) {
    const flag: Prisma.PartnerRequestWhereInput =
      input.flag === "lapsed" ? { ...UNFOLLOWED_STOP, lapseFlaggedAt: { not: null } }
      : input.flag === "lapsing" ? { ...UNFOLLOWED_STOP, lapseFlaggedAt: null, deadlineAt: { lte: new Date(now.getTime() + LAPSE_WARNING_MS) } }
      : {};
    const where: Prisma.PartnerRequestWhereInput = {
      AND: [
        inJurisdiction(actor), flag,
        input.kind ? { kind: input.kind } : {}, input.status ? { status: input.status } : {},
        input.caseId ? { caseId: input.caseId } : {}, input.warningId ? { warningId: input.warningId } : {},
      ],
    };
    const page = input.page ?? 1;
    const [rows, total, lapsed] = await Promise.all([
      db.partnerRequest.findMany({ where, orderBy: [{ requestedAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE, take: PAGE, select }),
      db.partnerRequest.count({ where }),
      db.partnerRequest.count({ where: { AND: [inJurisdiction(actor), UNFOLLOWED_STOP, { lapseFlaggedAt: { not: null } }] } }),
    ]);
    return { items: rows.map((r) => toItem(r, now)), total, page, pageSize: PAGE, lapsed };
  },
});

/** The requests of one case or warning, for its page (the caller has read the case or warning in scope). */
export async function requestsOf(actor: Actor, of: { caseId?: string; warningId?: string }, now = new Date()): Promise<PartnerRequestItem[]> {
  const rows = await getDb().partnerRequest.findMany({
    where: { AND: [inJurisdiction(actor), of.caseId ? { caseId: of.caseId } : { warningId: of.warningId }] },
    orderBy: { requestedAt: "desc" }, take: 100, select,
  });
  return rows.map((r) => toItem(r, now));
}

/** The printable document shows the number and holder in full: why it is opened is asked, and audited (B10). */
const partnerRequestDocumentSchema = partnerRequestIdSchema.extend({ reason: revealReasonSchema }).strict();

/**
 * One request as its printable document: every legal field, the account or phone number in full
 * (the document goes to the partner). Opened with a reason, audited with it as a reveal of the
 * number (B10); 404 outside the jurisdiction.
 */
export const getPartnerRequestDocument = command({
  name: "request.document", permission: "pii:reveal",
  summary: "A request as its printable document (numbers in full; audited)",
  input: partnerRequestDocumentSchema, audit: ["request.document"],
  async run({ actor, input, tx, now }) {
    const r = await tx.partnerRequest.findFirst({
      where: { id: input.id, ...inJurisdiction(actor) },
      select: { ...select, legalBasis: true, reason: true, requestingAuthority: true, warning: { select: { externalId: true, source: true } } },
    });
    if (!r) throw await outOfScope(actor, "PartnerRequest", input.id, async () => (await tx.partnerRequest.count({ where: { id: input.id } })) > 0);
    await writeAudit(tx, actor, { action: "request.document", success: true, entityType: "PartnerRequest", entityId: r.id, details: { docNumber: r.docNumber, reason: input.reason } });
    return {
      ...toItem(r, now),
      targetFull: r.target, holderNameFull: r.holderName,
      legalBasis: r.legalBasis, reason: r.reason, requestingAuthority: r.requestingAuthority,
      warningRef: r.warning ? `${r.warning.source}/${r.warning.externalId}` : null,
    };
  },
});
export type PartnerRequestDocument = Awaited<ReturnType<typeof getPartnerRequestDocument>>;
