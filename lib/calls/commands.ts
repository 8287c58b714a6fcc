import "server-only";
// 96110 call events (issue 16 item 4). The call center reports each call's events with an API key
// of scope calls:ingest, bound to its unit's jurisdiction. A call is attached to the warning of the
// person's number (the callee of an outbound call, the caller of an inbound one) by this rule:
//   the warning of the key's jurisdiction with that victim phone, received at most 72 h before the
//   call started (its first event) and not resolved before it; the latest received wins.
// An ended call attached to a warning is its 96110 call log entry: a HOTLINE_CALL dissuasion action
// written as the dispatcher's typed call is (the statistics' 96110 figure counts it), with the same
// effect on the warning (first contact, the ladder stops). A call matching no warning is kept and
// listed (GET /api/v1/call-events?matched=false); a later event retries the match.
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db";
import { uuidv7 } from "@/lib/ids";
import { maskPhone } from "@/lib/pii";
import { routingTable, scopeUnitIds, unitSubtree } from "@/lib/units/jurisdiction";
import { applyTransition } from "@/lib/warnings/commands";
import { notifyWarningEvent } from "@/lib/warnings/events";
import { stopLadder } from "@/lib/outbound/ladder";
import { callEventSchema, callsQuerySchema, type CallEventInput } from "@/lib/calls/schemas";

/** How far back a call looks for the warning it answers (the repeat window). */
export const MATCH_WINDOW_HOURS = 72;

type CallRow = {
  id: string; unitId: string; callId: string; direction: "OUTBOUND" | "INBOUND"; callerNumber: string; calleeNumber: string; agent: string | null;
  ringingAt: Date | null; answeredAt: Date | null; endedAt: Date | null; durationSeconds: number | null; recordingRef: string | null;
  warningId: string | null; actionId: string | null;
};

const COLUMN = { RINGING: "ringingAt", ANSWERED: "answeredAt", ENDED: "endedAt" } as const;

/** The person's number: whom the center called, or who called it. */
const personNumber = (c: Pick<CallRow, "direction" | "callerNumber" | "calleeNumber">) => (c.direction === "OUTBOUND" ? c.calleeNumber : c.callerNumber);

/** When the call started: its first event (an end alone: the end less its duration). */
function startOf(c: CallRow): Date | null {
  if (c.ringingAt || c.answeredAt) return [c.ringingAt, c.answeredAt].filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0]!;
  return c.endedAt ? new Date(c.endedAt.getTime() - (c.durationSeconds ?? 0) * 1000) : null;
}

/** The desk a call is recorded for: the key's unit, or a unit of its jurisdiction it names. */
async function deskOf(actor: Actor, unitCode: string | undefined): Promise<string> {
  if (!unitCode) return actor.unitId;
  const unit = (await routingTable()).byCode.get(unitCode);
  if (!unit || !unit.active || !(await scopeUnitIds(actor.scopePath)).includes(unit.id)) {
    throw new AppError("VALIDATION", "unknown unit", [{ path: "unitCode", code: "unknown_unit", message: `no active unit ${unitCode} in this key's jurisdiction` }]);
  }
  return unit.id;
}

/** The warning a call answers (the rule above), within the unit ids given. */
async function matchWarning(tx: Tx, number: string, start: Date, unitIds: string[]): Promise<string | null> {
  const [w] = await tx.$queryRaw<{ id: string }[]>`
    SELECT w.id::text AS id FROM warnings w
     WHERE w."victimPhone" = ${number} AND w."unitId" = ANY(${unitIds}::uuid[])
       AND w."receivedAt" <= ${start}::timestamptz AT TIME ZONE 'UTC'
       AND w."receivedAt" > (${start}::timestamptz AT TIME ZONE 'UTC') - make_interval(hours => ${MATCH_WINDOW_HOURS})
       AND (w.status <> 'RESOLVED' OR w."resolvedAt" >= ${start}::timestamptz AT TIME ZONE 'UTC')
     ORDER BY w."receivedAt" DESC, w.id DESC LIMIT 1`;
  return w?.id ?? null;
}

const mmss = (s: number) => `${Math.floor(s / 60)}分${String(s % 60).padStart(2, "0")}秒`;

/** The ended call as the warning's 96110 call log entry, with what a typed call does to the warning. */
async function logCall(tx: Tx, actor: Actor, c: CallRow, start: Date, now: Date): Promise<string> {
  const w = await tx.warning.findUniqueOrThrow({
    where: { id: c.warningId! },
    select: {
      id: true, status: true, version: true, unitId: true, fraudType: true, victimName: true, victimPhone: true, victimIdNumber: true,
      amountAtRisk: true, receivedAt: true, ackDueAt: true, contactDueAt: true, resolveDueAt: true, acknowledgedAt: true,
      firstContactAt: true, resolvedAt: true, caseId: true,
    },
  });
  const answered = !!c.answeredAt;
  const duration = c.durationSeconds ?? (answered && c.endedAt ? Math.max(0, Math.round((c.endedAt.getTime() - c.answeredAt!.getTime()) / 1000)) : 0);
  // The agent is the dispatcher of that username in the key's jurisdiction, if there is one.
  const agent = c.agent
    ? await tx.user.findFirst({ where: { username: c.agent, active: true, role: "DISPATCHER", unit: unitSubtree(actor.scopePath) }, select: { id: true } })
    : null;
  const note = [
    `96110呼叫中心自动记录：${c.direction === "OUTBOUND" ? "外呼" : "来电"}${answered ? `，通话${mmss(duration)}` : "，未接通"}`,
    c.agent ? `坐席 ${c.agent}` : null, c.recordingRef ? `录音 ${c.recordingRef}` : null, `呼叫编号 ${c.callId}`,
  ].filter(Boolean).join("，");
  const action = await tx.dissuasionAction.create({
    data: {
      warningId: w.id, unitId: c.unitId, actorId: agent?.id ?? null, kind: "HOTLINE_CALL", result: answered ? "CONNECTED" : "UNANSWERED",
      occurredAt: start, durationSeconds: duration, note,
    },
    select: { id: true },
  });
  // A person (the agent) acted on the warning: the automatic rungs stop, as for a typed call.
  await stopLadder(tx, w.id, now, answered ? "action:HOTLINE_CALL:CONNECTED" : "action:HOTLINE_CALL:UNANSWERED");
  if (w.status === "ACKNOWLEDGED") {
    await applyTransition(tx, actor, { ...w, firstContactAt: w.firstContactAt ?? start }, "IN_PROGRESS", w.version, {}, now);
  } else {
    const firstContact = w.status === "IN_PROGRESS" && !w.firstContactAt ? { firstContactAt: start } : {};
    await tx.warning.update({ where: { id: w.id }, data: { ...firstContact, version: { increment: 1 } } });
    await notifyWarningEvent(tx, { kind: "changed", id: w.id, unitId: w.unitId, status: w.status, version: w.version + 1 });
  }
  return action.id;
}

export type CallEventResult = { id: string; callId: string; event: CallEventInput["event"]; status: "recorded" | "duplicate"; warningId: string | null; actionId: string | null };

/** One event of a 96110 call: idempotent per call id and event (a replay answers `duplicate` and changes nothing). */
export const ingestCallEvent = command({
  name: "call.event", permission: "calls:ingest",
  summary: "Report one event of a 96110 call (ringing, answered, ended); idempotent per call id and event",
  input: callEventSchema, audit: ["call.event", "warning.transition"],
  async run({ actor, input: e, tx, now }): Promise<CallEventResult> {
    const unitId = await deskOf(actor, e.unitCode);
    // Call ids are the reporting key's own (calls:ingest is a key's scope only).
    const keyId = actor.kind === "apiKey" ? actor.id : null;
    await tx.$executeRaw`
      INSERT INTO hotline_calls (id, "unitId", "apiKeyId", "callId", direction, "callerNumber", "calleeNumber", agent, "updatedAt")
      VALUES (${uuidv7(now.getTime())}::uuid, ${unitId}::uuid, ${keyId}::uuid, ${e.callId}, ${e.direction}::"CallDirection",
              ${e.callerNumber}, ${e.calleeNumber}, ${e.agent ?? null}, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("apiKeyId", "unitId", "callId") DO NOTHING`;
    const [c] = await tx.$queryRaw<CallRow[]>`
      SELECT id::text AS id, "unitId"::text AS "unitId", "callId", direction::text AS direction, "callerNumber", "calleeNumber", agent,
             "ringingAt", "answeredAt", "endedAt", "durationSeconds", "recordingRef", "warningId"::text AS "warningId", "actionId"::text AS "actionId"
        FROM hotline_calls WHERE "apiKeyId" = ${keyId}::uuid AND "unitId" = ${unitId}::uuid AND "callId" = ${e.callId} FOR UPDATE`;
    if (!c) throw new Error("hotline call row missing after insert");
    const units = await scopeUnitIds(actor.scopePath);
    // A call attached to a warning that has since left the key's jurisdiction (a transfer) is
    // neither written on it nor named (G31, G36).
    if (c.warningId && !(await tx.warning.count({ where: { id: c.warningId, unitId: { in: units } } }))) {
      throw new AppError("CONFLICT", "the call is attached to a warning outside this key's jurisdiction", [{ path: "callId", code: "out_of_scope", message: "its warning is no longer in this key's jurisdiction" }]);
    }
    const result = (status: CallEventResult["status"]): CallEventResult => ({ id: c.id, callId: c.callId, event: e.event, status, warningId: c.warningId, actionId: c.actionId });
    if (c[COLUMN[e.event]]) return result("duplicate");

    c[COLUMN[e.event]] = e.at;
    if (e.event === "ENDED") {
      c.durationSeconds = e.durationSeconds ?? null;
      c.recordingRef = e.recordingRef ?? null;
    }
    c.agent = c.agent ?? e.agent ?? null;
    const start = startOf(c)!;
    if (!c.warningId) c.warningId = await matchWarning(tx, personNumber(c), start, units);
    if (e.event === "ENDED" && c.warningId && !c.actionId) c.actionId = await logCall(tx, actor, c, start, now);
    await tx.hotlineCall.update({
      where: { id: c.id },
      data: {
        ringingAt: c.ringingAt, answeredAt: c.answeredAt, endedAt: c.endedAt, durationSeconds: c.durationSeconds, recordingRef: c.recordingRef,
        agent: c.agent, warningId: c.warningId, actionId: c.actionId,
      },
    });
    await writeAudit(tx, actor, {
      action: "call.event", success: true, entityType: "HotlineCall", entityId: c.id,
      details: { callId: c.callId, event: e.event, warningId: c.warningId ?? undefined, actionId: c.actionId ?? undefined, matched: !!c.warningId },
    });
    return result("recorded");
  },
});

const PAGE = 100;

/** The 96110 calls of the caller's jurisdiction, the latest first; `matched=false`: those attached to no warning. */
export const listCalls = command({
  name: "call.list", permission: "warnings:triage",
  summary: "The 96110 calls of the caller's jurisdiction (matched=false: those attached to no warning)",
  input: callsQuerySchema, audit: false,
  async run({ actor, input: q }) {
    const rows = await getDb().hotlineCall.findMany({
      where: {
        AND: [{ unit: unitSubtree(actor.scopePath) }, q.matched === undefined ? {} : { warningId: q.matched ? { not: null } : null }, q.cursor ? { id: { lt: q.cursor } } : {}],
      },
      orderBy: { id: "desc" }, take: PAGE + 1,
      select: {
        id: true, callId: true, direction: true, callerNumber: true, calleeNumber: true, agent: true, ringingAt: true, answeredAt: true, endedAt: true,
        durationSeconds: true, recordingRef: true, warningId: true, actionId: true, createdAt: true, unit: { select: { code: true, name: true } },
        warning: { select: { unitId: true } },
      },
    });
    // A call at a desk of the jurisdiction may have been attached (by a wider key) to a warning
    // outside it: the call is listed, the warning is not named (G31).
    const units = new Set(await scopeUnitIds(actor.scopePath));
    const calls = rows.slice(0, PAGE).map(({ warning, ...r }) => ({
      ...r, ...(warning && !units.has(warning.unitId) ? { warningId: null, actionId: null } : {}),
      callerNumber: maskPhone(r.callerNumber), calleeNumber: maskPhone(r.calleeNumber),
      ringingAt: r.ringingAt?.toISOString() ?? null, answeredAt: r.answeredAt?.toISOString() ?? null, endedAt: r.endedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    }));
    return { calls, nextCursor: rows.length > PAGE ? calls.at(-1)!.id : null };
  },
});
