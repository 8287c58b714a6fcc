import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, versionConflict } from "@/lib/errors";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { command } from "@/lib/commands/command";
import { uuidSchema } from "@/lib/validation/fields";
import { isUnder, routingTable } from "@/lib/units/jurisdiction";
import { maskPhone } from "@/lib/pii";
import { unitOptions, type UnitOption } from "@/lib/units/picker-options";
import type { WarningTransferStatus } from "@/lib/generated/prisma/enums";
import { workableUnitIds } from "@/lib/warnings/commands";
import { notifyWarningEvent } from "@/lib/warnings/events";
import { queueFeedback } from "@/lib/feedback/queue";
import { stopLadder } from "@/lib/outbound/ladder";
import { cancelRevisits } from "@/lib/revisits/schedule";
import { withdrawAppFollowUp } from "@/lib/appfollowups/schedule";
import { dueTimes, nextStep } from "@/lib/warnings/sla";
import { slaLadder } from "@/lib/warnings/sla-policy";
import { decideTransferSchema, proposeTransferSchema, transferListSchema, type TransferListQuery } from "@/lib/warnings/transfer-schemas";

// 移交审核. The unit holding a warning (its precinct, or the centre) offers it to another precinct or
// branch of the city, which accepts it (the warning moves there and its SLA ladder starts again at
// acceptance) or returns it with a reason (it stays with the sender). A transfer out of the city is
// external, with its destination recorded: the city's 反诈中心 reviews it — a precinct's or
// branch's external transfer waits for the centre's acceptance, the centre's own is final when
// proposed — and an accepted one resolves the warning as TRANSFERRED_OUT (counted apart from the
// outcomes of the city's own work). Every step is a row of warning_transfers (the warning's
// history reads them), an audit record and a notification; one open transfer per warning.

export const TRANSFER_AUDIT = ["warning.transfer.propose", "warning.transfer.accept", "warning.transfer.return", "warning.transfer.cancel"] as const;

const invalid = (path: string, code: string, message = code) => new AppError("VALIDATION", message, [{ path, code, message }]);
const conflict = (path: string, code: string, message = code) => new AppError("CONFLICT", message, [{ path, code, message }]);
const cityOf = (path: string) => path.split("/")[0]!;

/** Notifies the active officers and dispatchers of a unit (once per user and event). */
async function notifyUnit(tx: Tx, unitId: string, kind: string, transferId: string, data: Record<string, string>) {
  const users = await tx.user.findMany({ where: { unitId, active: true, role: { in: ["OFFICER", "DISPATCHER"] } }, select: { id: true } });
  await notifyUsers(tx, users.map((u) => u.id), kind, transferId, data);
}

async function notifyUsers(tx: Tx, userIds: string[], kind: string, transferId: string, data: Record<string, string>) {
  if (userIds.length === 0) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind, dedupeKey: `transfer:${transferId}:${kind}`, entityType: "WarningTransfer", entityId: transferId, data })),
    skipDuplicates: true,
  });
}

const warningForTransfer = (tx: Tx, id: string, unitIds: string[]) =>
  tx.warning.findFirst({
    where: { id, unitId: { in: unitIds } },
    select: {
      id: true, status: true, version: true, unitId: true, riskLevel: true, unit: { select: { path: true, kind: true } },
      acknowledgedAt: true, firstContactAt: true, resolvedAt: true,
    },
  });

/** Accepting moves the warning: to the receiving unit with a fresh SLA ladder, or out of the city (resolved TRANSFERRED_OUT). */
async function moveWarning(
  tx: Tx, actor: Actor, t: { id: string; warningId: string; toUnitId: string; external: boolean; destination: string | null }, now: Date,
): Promise<number> {
  const w = await tx.warning.findUniqueOrThrow({
    where: { id: t.warningId },
    select: { id: true, status: true, version: true, riskLevel: true, acknowledgedAt: true, firstContactAt: true, resolvedAt: true },
  });
  if (w.status === "RESOLVED") throw conflict("decision", "resolved", "the warning was resolved meanwhile");
  if (t.external) {
    const { count } = await tx.warning.updateMany({
      where: { id: w.id, version: w.version },
      data: { status: "RESOLVED", outcome: "TRANSFERRED_OUT", resolvedAt: now, slaDueAt: null, assigneeId: null, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await tx.warningTransition.create({
      data: { warningId: w.id, fromStatus: w.status, toStatus: "RESOLVED", outcome: "TRANSFERRED_OUT", note: t.destination, actorId: actor.id, at: now },
    });
    // Resolved by people: the ladder's automatic rungs stop, the revisits and the app follow-up of an
    // earlier dissuasion are not the city's to make any more, and a national or provincial source hears the outcome
    // (transferred, and where to) like any resolution's.
    await stopLadder(tx, w.id, now, "status:RESOLVED");
    await cancelRevisits(tx, w.id, now);
    await withdrawAppFollowUp(tx, w.id);
    await queueFeedback(tx, w.id, "RESOLVED", now, t.destination);
    await notifyWarningEvent(tx, { kind: "changed", id: w.id, unitId: t.toUnitId, status: "RESOLVED", version: w.version + 1 });
    return w.version + 1;
  }
  // The receiving unit's clock starts at acceptance: every step of the ladder is due from now.
  const due = dueTimes(now, (await slaLadder())[w.riskLevel]);
  const step = nextStep({ ...w, ...due });
  const { count } = await tx.warning.updateMany({
    where: { id: w.id, version: w.version },
    data: { unitId: t.toUnitId, routedBy: "MANUAL", dispatchedAt: now, assigneeId: null, ...due, slaDueAt: step?.dueAt ?? null, version: { increment: 1 } },
  });
  if (count === 0) throw versionConflict();
  await notifyWarningEvent(tx, { kind: "changed", id: w.id, unitId: t.toUnitId, status: w.status, version: w.version + 1 });
  return w.version + 1;
}

/** 移交: offers a warning the actor's unit holds to another precinct or branch of the city, or out of the city. */
export const proposeTransfer = command({
  name: "warning.transfer.propose", permission: ["warnings:triage", "warnings:work"],
  summary: "移交: offer the warning to another precinct or branch of the city, or to an external destination",
  input: proposeTransferSchema.extend({ id: uuidSchema }), audit: ["warning.transfer.propose", "warning.transfer.accept"],
  async run({ actor, input, tx, now }) {
    const w = await warningForTransfer(tx, input.id, await workableUnitIds(actor));
    if (!w) throw await outOfScope(actor, "Warning", input.id, async () => (await tx.warning.count({ where: { id: input.id } })) > 0);
    if (input.toUnitCode && input.destination) throw invalid("destination", "not_allowed", "either a unit of the city or an external destination");
    if (!input.toUnitCode && !input.destination) throw invalid("toUnitCode", "required", "the receiving unit, or an external destination");
    if (w.version !== input.version) throw versionConflict();
    if (w.status === "RESOLVED") throw conflict("status", "resolved", "a resolved warning is not transferred");
    const city = cityOf(w.unit.path);
    const table = await routingTable();
    let toUnitId: string;
    if (input.toUnitCode) {
      const to = table.byCode.get(input.toUnitCode);
      if (!to || !to.active || (to.kind !== "PRECINCT" && to.kind !== "BRANCH") || !isUnder(to.path, city)) {
        throw invalid("toUnitCode", "unknown_unit", `no active precinct or branch ${input.toUnitCode} in the city`);
      }
      if (to.id === w.unitId) throw invalid("toUnitCode", "same_unit", "the warning is already there");
      toUnitId = to.id;
    } else {
      const centre = table.units.find((u) => u.kind === "CENTER" && u.active && isUnder(u.path, city));
      if (!centre) throw invalid("destination", "no_center", "the city has no centre to review an external transfer");
      toUnitId = centre.id;
    }
    if (await tx.warningTransfer.count({ where: { warningId: w.id, status: "PROPOSED" } })) throw conflict("id", "open_transfer", "the warning already has an open transfer");
    const external = !input.toUnitCode;
    // The centre's own external transfer needs no second look from itself: final when proposed.
    const final = external && actor.unitId === toUnitId;
    const t = await tx.warningTransfer.create({
      data: {
        warningId: w.id, fromUnitId: w.unitId, toUnitId, external, destination: input.destination ?? null, reason: input.reason,
        status: final ? "ACCEPTED" : "PROPOSED", proposedById: actor.id, proposedAt: now,
        ...(final ? { decidedById: actor.id, decidedAt: now } : {}),
      },
      select: { id: true, warningId: true, toUnitId: true, external: true, destination: true, status: true, version: true },
    });
    await writeAudit(tx, actor, {
      action: "warning.transfer.propose", success: true, entityType: "WarningTransfer", entityId: t.id,
      details: { warningId: w.id, from: w.unitId, to: toUnitId, external, destination: input.destination, reason: input.reason },
    });
    let warningVersion: number;
    if (final) {
      warningVersion = await moveWarning(tx, actor, t, now);
      await writeAudit(tx, actor, { action: "warning.transfer.accept", success: true, entityType: "WarningTransfer", entityId: t.id, details: { warningId: w.id, external, destination: input.destination } });
    } else {
      // The warning's version moves, so a form opened before the proposal is stale.
      const { count } = await tx.warning.updateMany({ where: { id: w.id, version: w.version }, data: { version: { increment: 1 } } });
      if (count === 0) throw versionConflict();
      warningVersion = w.version + 1;
      await notifyUnit(tx, toUnitId, "transfer_proposed", t.id, { warningId: w.id });
    }
    return { id: t.id, warningId: w.id, status: t.status, version: t.version, warningVersion };
  },
});

/** The receiving unit accepts or returns (with a reason) an open transfer; its proposer cancels it. */
export const decideTransfer = command({
  name: "warning.transfer.decide", permission: ["warnings:triage", "warnings:work"],
  summary: "Accept or return (with a reason) a transfer to one's unit, or cancel one's own while open",
  input: decideTransferSchema.extend({ id: uuidSchema }), audit: ["warning.transfer.accept", "warning.transfer.return", "warning.transfer.cancel"],
  async run({ actor, input, tx, now }) {
    const unitIds = await workableUnitIds(actor);
    const t = await tx.warningTransfer.findUnique({
      where: { id: input.id },
      select: { id: true, warningId: true, fromUnitId: true, toUnitId: true, external: true, destination: true, status: true, version: true, proposedById: true, warning: { select: { unitId: true } } },
    });
    // Both sides see it (and the units above them); any other unit learns nothing.
    if (!t || ![t.fromUnitId, t.toUnitId, t.warning.unitId].some((u) => unitIds.includes(u))) {
      throw await outOfScope(actor, "WarningTransfer", input.id, async () => !!t);
    }
    const reason = input.reason?.trim() || undefined;
    if (input.decision === "RETURN" && !reason) throw invalid("reason", "required", "the reason for returning");
    if (t.version !== input.version) throw versionConflict();
    if (t.status !== "PROPOSED") throw conflict("decision", "not_open", `the transfer is ${t.status}`);
    if (input.decision === "CANCEL" ? actor.id !== t.proposedById : actor.unitId !== t.toUnitId) {
      throw conflict("decision", input.decision === "CANCEL" ? "not_proposer" : "not_receiving_unit", input.decision === "CANCEL" ? "only its proposer cancels a transfer" : "only the receiving unit decides");
    }
    const status: WarningTransferStatus = input.decision === "ACCEPT" ? "ACCEPTED" : input.decision === "RETURN" ? "RETURNED" : "CANCELLED";
    const { count } = await tx.warningTransfer.updateMany({
      where: { id: t.id, version: t.version, status: "PROPOSED" },
      data: { status, decidedById: actor.id, decidedAt: now, returnReason: input.decision === "RETURN" ? reason : null, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    const warningVersion = input.decision === "ACCEPT" ? await moveWarning(tx, actor, t, now) : undefined;
    const action = input.decision === "ACCEPT" ? "warning.transfer.accept" : input.decision === "RETURN" ? "warning.transfer.return" : "warning.transfer.cancel";
    await writeAudit(tx, actor, { action, success: true, entityType: "WarningTransfer", entityId: t.id, details: { warningId: t.warningId, reason } });
    if (input.decision !== "CANCEL") {
      await notifyUsers(tx, [t.proposedById], input.decision === "ACCEPT" ? "transfer_accepted" : "transfer_returned", t.id, { warningId: t.warningId });
    }
    return { id: t.id, warningId: t.warningId, status, version: t.version + 1, warningVersion };
  },
});

/** The transfers of a warning, oldest first: its history's transfer steps (the caller has checked the warning's scope). */
export async function transfersOfWarning(actor: Actor, warningId: string) {
  const rows = await getDb().warningTransfer.findMany({
    where: { warningId }, orderBy: { proposedAt: "asc" },
    select: {
      id: true, status: true, external: true, destination: true, reason: true, returnReason: true, proposedAt: true, decidedAt: true, version: true,
      proposedById: true, decidedById: true, fromUnit: { select: { code: true, name: true } }, toUnit: { select: { id: true, code: true, name: true } },
    },
  });
  const names = await userNames(rows.flatMap((r) => [r.proposedById, r.decidedById]));
  return rows.map((r) => ({
    ...r, proposedAt: r.proposedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null,
    proposedBy: names.get(r.proposedById) ?? null, decidedBy: r.decidedById ? names.get(r.decidedById) ?? null : null,
    canDecide: r.status === "PROPOSED" && actor.unitId === r.toUnit.id,
    canCancel: r.status === "PROPOSED" && actor.id === r.proposedById,
  }));
}

async function userNames(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = wanted.length ? await getDb().user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }) : [];
  return new Map(rows.map((u) => [u.id, u.displayName]));
}

/**
 * Transfers to (incoming) or from (outgoing) the units the actor works, newest first, with what
 * the receiving unit needs to decide (the warning's risk, fraud type, masked phone) and what the
 * actor may do with each.
 */
export async function listTransfers(actor: Actor, q: TransferListQuery, take = 100) {
  const unitIds = await workableUnitIds(actor);
  const rows = await getDb().warningTransfer.findMany({
    where: { [q.direction === "incoming" ? "toUnitId" : "fromUnitId"]: { in: unitIds }, ...(q.status ? { status: q.status } : {}) },
    orderBy: [{ proposedAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true, warningId: true, status: true, external: true, destination: true, reason: true, returnReason: true, proposedAt: true, decidedAt: true, version: true,
      proposedById: true, decidedById: true, fromUnit: { select: { code: true, name: true } }, toUnit: { select: { id: true, code: true, name: true } },
      warning: { select: { riskLevel: true, fraudType: true, victimPhone: true, amountAtRisk: true, receivedAt: true, status: true } },
    },
  });
  const names = await userNames(rows.flatMap((r) => [r.proposedById, r.decidedById]));
  return rows.map(({ warning, proposedById, decidedById, ...r }) => ({
    ...r,
    proposedAt: r.proposedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    proposedBy: names.get(proposedById) ?? null,
    decidedBy: decidedById ? names.get(decidedById) ?? null : null,
    warning: { ...warning, victimPhone: maskPhone(warning.victimPhone), amountAtRisk: warning.amountAtRisk?.toFixed(2) ?? null, receivedAt: warning.receivedAt.toISOString() },
    canDecide: r.status === "PROPOSED" && actor.unitId === r.toUnit.id,
    canCancel: r.status === "PROPOSED" && actor.id === proposedById,
  }));
}

export type TransferRow = Awaited<ReturnType<typeof listTransfers>>[number];

/** How many transfers to the actor's own unit await its decision (the queue's 移交 button). */
export async function transfersAwaiting(actor: Actor): Promise<number> {
  return getDb().warningTransfer.count({ where: { toUnitId: actor.unitId, status: "PROPOSED" } });
}

/** GET /api/v1/transfers?direction=incoming|outgoing&status=. */
export const listTransfersCommand = command({
  name: "warning.transfer.list", permission: ["warnings:triage", "warnings:work"],
  summary: "Transfers to (incoming) or from (outgoing) the units the caller works",
  input: transferListSchema, audit: false,
  run: async ({ actor, input }) => ({ items: await listTransfers(actor, input) }),
});

/** The units a warning may be transferred to: the active precincts and branches of the actor's city (for the picker). */
export async function transferTargets(actor: Pick<Actor, "scopePath">): Promise<UnitOption[]> {
  return unitOptions(cityOf(actor.scopePath), { kinds: ["PRECINCT", "BRANCH"] });
}
