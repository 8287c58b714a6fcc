import "server-only";
// The partner's answer to a request (the simulator's or a real bank's receipt, or an answer recorded
// by hand): accepted with the amount held, or rejected with its reason. What an accepted bank request
// adds to losses stopped (amountProtected, metric pr.protected) is what it holds beyond what the
// other requests of its chain (a stop-payment and the freezes following it) count already, so the
// same money is counted once. Raw SQL: it runs in the receipt's driver transaction and in a command's.
import type { Sql } from "@/lib/db";
import { AppError, versionConflict } from "@/lib/errors";
import { HOLD_MS } from "@/lib/cases/freeze-rules";
import { canonical, fromFen, toFen } from "@/lib/cases/money";

export type PartnerAnswer = { result: "ACCEPTED" | "REJECTED"; reason?: string | null; amountStopped?: string | null; at: Date };

type Locked = {
  id: string; kind: string; status: string; version: number; caseId: string | null; followsId: string | null; amount: string | null; docNumber: string;
};

/**
 * Applies an answer to a request still waiting for one (status SENT); "repeat" when it has its
 * answer already. `expectVersion` (a person's answer) refuses a stale form with a 409.
 */
export async function applyPartnerAnswer(sql: Sql, requestId: string, a: PartnerAnswer, expectVersion?: number): Promise<"applied" | "repeat" | "unknown"> {
  const [r] = await sql.$queryRaw<Locked[]>`
    SELECT id::text AS id, kind::text AS kind, status::text AS status, version, "caseId"::text AS "caseId", "followsId"::text AS "followsId",
           amount::text AS amount, "docNumber"
      FROM partner_requests WHERE id = ${requestId}::uuid FOR UPDATE`;
  if (!r) return "unknown";
  if (expectVersion !== undefined && r.version !== expectVersion) throw versionConflict();
  if (r.status !== "SENT") {
    if (expectVersion !== undefined) throw new AppError("CONFLICT", "the request has its answer already", [{ path: "result", code: "answered", message: r.status }]);
    return "repeat";
  }
  const bank = r.kind === "STOP_PAYMENT" || r.kind === "FREEZE";
  const accepted = a.result === "ACCEPTED";
  // A bank holds at most what was asked; an answer without an amount held everything asked.
  const stopped = accepted && bank ? minMoney(a.amountStopped ?? r.amount ?? "0", r.amount ?? "0") : null;
  const hold = accepted && bank ? HOLD_MS[r.kind as "STOP_PAYMENT" | "FREEZE"] : null;
  const deadline = hold !== null ? new Date(a.at.getTime() + hold) : null;
  await sql.$executeRaw`
    UPDATE partner_requests p SET
           status = ${a.result}::"PartnerRequestStatus", "answeredAt" = ${a.at}::timestamptz AT TIME ZONE 'UTC', "answerReason" = ${a.reason ?? null},
           "amountStopped" = ${stopped}::numeric,
           "deadlineAt" = CASE WHEN ${deadline !== null} THEN ${deadline}::timestamptz AT TIME ZONE 'UTC' ELSE p."deadlineAt" END,
           "amountProtected" = greatest(0, coalesce(${stopped}::numeric, 0) - coalesce((
             SELECT sum(o."amountProtected") FROM partner_requests o
              WHERE o.id <> p.id AND (o.id = p."followsId" OR o."followsId" = p.id OR (p."followsId" IS NOT NULL AND o."followsId" = p."followsId"))), 0)),
           version = version + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE p.id = ${r.id}::uuid`;
  if (r.caseId) {
    const data = JSON.stringify({ docNumber: r.docNumber, kind: r.kind, result: a.result, reason: a.reason ?? null, amountStopped: stopped, automatic: expectVersion === undefined });
    await sql.$executeRaw`
      INSERT INTO case_events (id, "caseId", kind, data, "actorId", at)
      VALUES (uuid_time(), ${r.caseId}::uuid, 'partner_answer', ${data}::jsonb, NULL, now() AT TIME ZONE 'UTC')`;
  }
  return "applied";
}

/** The outbox gave up on a request's message: nobody received it. */
export async function markUndelivered(sql: Sql, requestId: string): Promise<void> {
  await sql.$executeRaw`
    UPDATE partner_requests SET status = 'UNDELIVERED', version = version + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE id = ${requestId}::uuid AND status = 'SENT'`;
}

function minMoney(a: string, b: string): string {
  const [x, y] = [toFen(canonical(a)), toFen(canonical(b))];
  return fromFen(x <= y ? x : y);
}
