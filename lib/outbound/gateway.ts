// The one gateway interface of every outbound channel: HTTP + JSON, each request signed with
// HMAC-SHA256 over "<timestamp>.<body>" with the shared secret (GATEWAY_SECRET), in both
// directions: our requests to the gateway and its delivery receipts to /api/v1/gateway/receipts.
// The message id is the idempotency key: the gateway delivers a key once, whatever the retries.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { OutboundChannel } from "@/lib/generated/prisma/enums";

export const SIGNATURE_HEADER = "x-fanzha-signature";
export const TIMESTAMP_HEADER = "x-fanzha-timestamp";
/** A signed request older (or newer) than this is refused: a replay window of 5 minutes. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type GatewayRequest = {
  idempotencyKey: string;
  channel: OutboundChannel;
  /** The mobile number, or the bank / carrier a request goes to. */
  to: string;
  /** The SMS / 闪信 text, the robot call's script, or a bank / carrier request as JSON. */
  text: string;
  callbackUrl: string;
};

export type GatewayAnswer = { id: string; duplicate: boolean };

/** Feedback on a warning to its source platform (lib/feedback/queue.ts builds `feedback`). */
export type FeedbackRequest = { idempotencyKey: string; feedback: Record<string, unknown> };

export const SMS_RESULTS = ["DELIVERED", "UNDELIVERED"] as const;
export const CALL_RESULTS = ["ANSWERED", "LISTENED_TO_END", "HUNG_UP", "UNREACHABLE"] as const;
/** A bank's or carrier's answer to a request (channels BANK, CARRIER), with `reason` and `amountStopped`. */
export const PARTNER_RESULTS = ["ACCEPTED", "REJECTED"] as const;
export const RECEIPT_RESULTS = [...SMS_RESULTS, ...CALL_RESULTS, ...PARTNER_RESULTS] as const;
export type ReceiptResult = (typeof RECEIPT_RESULTS)[number];
export type Receipt = { messageId: string; result: ReceiptResult; at: string; reason?: string; amountStopped?: string };

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function signedHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  return { "content-type": "application/json", [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature(secret, timestamp, body) };
}

/** Whether a request carries a valid signature of its body, made within the tolerance. */
export function verifySignature(secret: string, headers: { get(name: string): string | null }, body: string, now = Date.now()): boolean {
  const timestamp = headers.get(TIMESTAMP_HEADER) ?? "";
  const given = headers.get(SIGNATURE_HEADER) ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signature(secret, timestamp, body));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export class GatewayError extends Error {}

/** Sends one message; throws GatewayError on anything but a 2xx answer (a retry is then safe: same key). */
export function sendToGateway(cfg: { url: string; secret: string; timeoutMs?: number }, req: GatewayRequest): Promise<GatewayAnswer> {
  return post(cfg, "/v1/messages", JSON.stringify(req));
}

/**
 * Sends one feedback to the upstream platform (POST <url>/v1/feedback, signed like the gateway's
 * requests); the message id is the idempotency key: the platform takes a key once.
 */
export function sendFeedback(cfg: { url: string; secret: string; timeoutMs?: number }, id: string, body: string): Promise<GatewayAnswer> {
  const req: FeedbackRequest = { idempotencyKey: id, feedback: JSON.parse(body) as Record<string, unknown> };
  return post(cfg, "/v1/feedback", JSON.stringify(req));
}

async function post(cfg: { url: string; secret: string; timeoutMs?: number }, path: string, body: string): Promise<GatewayAnswer> {
  let res: Response;
  try {
    res = await fetch(`${cfg.url.replace(/\/$/, "")}${path}`, {
      method: "POST", headers: signedHeaders(cfg.secret, body), body, signal: AbortSignal.timeout(cfg.timeoutMs ?? 10_000),
    });
  } catch (e) {
    throw new GatewayError(`gateway unreachable: ${(e as Error).message}`);
  }
  const text = await res.text().catch(() => "");
  if (!res.ok) throw new GatewayError(`gateway answered ${res.status}: ${text.slice(0, 200)}`);
  try {
    const answer = JSON.parse(text) as GatewayAnswer;
    return { id: String(answer.id), duplicate: Boolean(answer.duplicate) };
  } catch {
    throw new GatewayError("gateway answered malformed JSON");
  }
}
