import "server-only";
// Delivery receipts from the gateway (POST /api/v1/gateway/receipts): authenticated by the HMAC
// signature of the shared secret, not by a user or an API key. A bad signature is a 401 and an
// audited event; a receipt is applied once (a repeat answers 200 and changes nothing).
import { randomUUID } from "node:crypto";
import { getDb, sqlTransaction, type Sql } from "@/lib/db";
import { AppError, fromDatabaseError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { FUTURE_SKEW_MS } from "@/lib/validation/fields";
import { writeAudit } from "@/lib/audit/write-audit";
import { errorResponse } from "@/lib/http/route";
import { requestInfoFrom } from "@/lib/auth/request-info";
import { logger } from "@/lib/log";
import { outboundConfig } from "@/lib/outbound/config";
import { verifySignature, type ReceiptResult } from "@/lib/outbound/gateway";
import { receiptSchema } from "@/lib/outbound/receipt-schema";
import { isPersonChannel } from "@/lib/outbound/templates";
import { recordResult } from "@/lib/outbound/ladder";
import { applyPartnerAnswer } from "@/lib/requests/answers";
import type { OutboundChannel } from "@/lib/generated/prisma/enums";


const RECEIPT_LIMIT = 16 * 1024;

/** Applies one receipt in the caller's transaction; false when the message had its result already. */
export async function applyReceipt(
  sql: Sql, r: { messageId: string; result: ReceiptResult; at: Date; reason?: string; amountStopped?: string },
): Promise<"applied" | "repeat" | "unknown"> {
  const [m] = await sql.$queryRaw<{ id: string; warningId: string | null; partnerRequestId: string | null; channel: OutboundChannel; rung: string | null; result: string | null; status: string; createdAt: Date }[]>`
    SELECT id::text AS id, "warningId"::text AS "warningId", "partnerRequestId"::text AS "partnerRequestId", channel::text AS channel, rung, result, status::text AS status,
           "createdAt" AT TIME ZONE 'UTC' AS "createdAt"
      FROM outbound_messages WHERE id = ${r.messageId}::uuid FOR UPDATE`;
  if (!m) return "unknown";
  if (m.result) return "repeat";
  // A result cannot precede its message (G32): not the warning's action, not a bank's answer before
  // the request. A gateway's clock a little behind ours is taken as the message's own time.
  if (r.at.getTime() < m.createdAt.getTime() - FUTURE_SKEW_MS) {
    throw new AppError("VALIDATION", "the receipt precedes its message", [{ path: "at", code: "before_message", message: m.createdAt.toISOString() }]);
  }
  const at = new Date(Math.max(r.at.getTime(), m.createdAt.getTime()));
  // A partner's answer only fits a request's message, a delivery or call result only a person's;
  // feedback has no receipt.
  const partnerResult = r.result === "ACCEPTED" || r.result === "REJECTED";
  const person = isPersonChannel(m.channel);
  if (person ? partnerResult : !partnerResult || !m.partnerRequestId) {
    throw new AppError("VALIDATION", "result does not fit the message's channel", [{ path: "result", code: "wrong_channel", message: m.channel }]);
  }
  const delivered = r.result !== "UNDELIVERED" && r.result !== "UNREACHABLE";
  await sql.$executeRaw`
    UPDATE outbound_messages SET result = ${r.result}, "resultAt" = ${at}::timestamptz AT TIME ZONE 'UTC',
           status = (CASE WHEN status = 'CANCELLED' THEN 'CANCELLED' WHEN ${delivered} THEN 'DELIVERED' ELSE 'FAILED' END)::"OutboundStatus",
           "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE id = ${r.messageId}::uuid`;
  if (person) await recordResult(sql, m, r.result, at);
  else await applyPartnerAnswer(sql, m.partnerRequestId!, { result: r.result as "ACCEPTED" | "REJECTED", reason: r.reason ?? null, amountStopped: r.amountStopped ?? null, at });
  return "applied";
}

/** The route's whole work: signature, body, the receipt, the audit. */
export async function handleReceipt(req: Request): Promise<Response> {
  const info = requestInfoFrom(req.headers);
  try {
    const cfg = outboundConfig();
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > RECEIPT_LIMIT) throw new AppError("PAYLOAD_TOO_LARGE", `body over ${RECEIPT_LIMIT} bytes`);
    const body = await req.text();
    if (body.length > RECEIPT_LIMIT) throw new AppError("PAYLOAD_TOO_LARGE", `body over ${RECEIPT_LIMIT} bytes`);
    if (!cfg || !verifySignature(cfg.secret, req.headers, body)) {
      await getDb().$transaction((tx) => writeAudit(tx, info, { action: "outbound.receipt.rejected", success: false, details: { reason: cfg ? "bad signature" : "no gateway configured" } }));
      throw new AppError("UNAUTHENTICATED", "bad or missing signature");
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new AppError("VALIDATION", "the body is not valid JSON", [{ path: "", code: "invalid_json", message: "malformed JSON" }]);
    }
    // The one parse of every boundary: text PostgreSQL cannot store is a 422 too.
    const r = parseInput(receiptSchema, json);
    // A receipt is a machine's event, kept on its message (result, resultAt) and the warning's
    // timeline, not in the audit trail: one chained audit append per message would serialise them.
    const outcome = await sqlTransaction(getDb(), (sql) => applyReceipt(sql, r));
    if (outcome === "unknown") throw new AppError("NOT_FOUND", "no such message");
    return Response.json({ messageId: r.messageId, status: outcome });
  } catch (e) {
    const err = e instanceof AppError ? e : fromDatabaseError(e);
    if (err) return errorResponse(err, info.requestId);
    logger.error("api.failed", { requestId: info.requestId, path: "/api/v1/gateway/receipts", error: e });
    return errorResponse(new AppError("INTERNAL", "internal error"), info.requestId ?? randomUUID());
  }
}
