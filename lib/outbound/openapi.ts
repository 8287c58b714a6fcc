import { errorBody, json, jsonSchema, type PathItem } from "@/lib/openapi/schema";
import { CALL_RESULTS, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, TIMESTAMP_HEADER } from "@/lib/outbound/gateway";
import { receiptSchema } from "@/lib/outbound/receipt-schema";

const signed = [
  { name: TIMESTAMP_HEADER, in: "header", required: true, schema: { type: "string", pattern: "^\\d+$" }, description: `Unix seconds; refused more than ${SIGNATURE_TOLERANCE_SECONDS} s from the receiver's clock` },
  {
    name: SIGNATURE_HEADER, in: "header", required: true, schema: { type: "string", pattern: "^sha256=[0-9a-f]{64}$" },
    description: "`sha256=` + hex HMAC-SHA256, keyed with the shared secret (GATEWAY_SECRET), of `<timestamp>.<raw body>`",
  },
];

/** The gateway's delivery receipts, posted to the platform. */
export const outboundPaths: Record<string, PathItem> = {
  "/gateway/receipts": {
    post: {
      operationId: "gatewayReceipt", tags: ["outbound"],
      summary: "Delivery receipt of an SMS, 闪信 or robot call (from the gateway)",
      description:
        "Called by the SMS / 闪信 / robot call gateway, not by users: no API key or session, the request is authenticated by its HMAC signature. " +
        "A bad or missing signature is a 401 and an audited event (outbound.receipt.rejected). A receipt is applied once: a repeat answers `repeat`. " +
        "The result moves the warning's dissuasion ladder (an unanswered call redials, then hands over to a 96110 call task) and appears on its timeline.",
      security: [], parameters: signed,
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(receiptSchema) } } },
      responses: {
        200: json({ type: "object", properties: { messageId: { type: "string", format: "uuid" }, status: { type: "string", enum: ["applied", "repeat"] } } }),
        401: errorBody, 404: errorBody, 413: errorBody, 422: errorBody,
      },
    },
  },
};

/** What the platform sends: the gateway's interface, for a real gateway to implement (OpenAPI 3.1 webhooks). */
export const outboundWebhooks: Record<string, PathItem> = {
  gatewayMessage: {
    post: {
      operationId: "gatewayMessage", tags: ["outbound"],
      summary: "POST <GATEWAY_URL>/v1/messages — one SMS, 闪信 or robot call, sent by the platform to the gateway",
      description:
        "Signed like the receipts (same headers, same secret). `idempotencyKey` (the message id) is delivered at most once: a retry of a key " +
        "already accepted must answer 200 with `duplicate: true` and deliver nothing. Any non-2xx answer is retried with exponential backoff. " +
        `After delivery the gateway posts a receipt to \`callbackUrl\` (/api/v1/gateway/receipts): DELIVERED / UNDELIVERED for SMS and 闪信, ${CALL_RESULTS.join(" / ")} for a robot call, ACCEPTED (with amountStopped) / REJECTED (with reason) for a bank or carrier request.`,
      parameters: signed,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object", required: ["idempotencyKey", "channel", "to", "text", "callbackUrl"],
              properties: {
                idempotencyKey: { type: "string", format: "uuid" }, channel: { type: "string", enum: ["SMS", "FLASH", "ROBOT_CALL", "BANK", "CARRIER"] },
                to: { type: "string", description: "the mobile number, or the bank / carrier" }, text: { type: "string", description: "the SMS / 闪信 text, the robot call's script, or a partner request (JSON: docNumber, kind, authority, legalBasis, target, holderName, amount, deadlineAt, caseNumber, handler, approver)" },
                callbackUrl: { type: "string", format: "uri" },
              },
            },
          },
        },
      },
      responses: {
        200: json({ type: "object", properties: { id: { type: "string" }, duplicate: { type: "boolean" } } }),
        401: { description: "bad signature" },
        503: { description: "unavailable: retried" },
      },
    },
  },
  upstreamFeedback: {
    post: {
      operationId: "upstreamFeedback", tags: ["outbound"],
      summary: "POST <UPSTREAM_FEEDBACK_URL>/v1/feedback — the 签收 or the result of a national / provincial warning, sent back to its platform",
      description:
        "Signed like the gateway's requests (same headers, same secret). `idempotencyKey` (the message id) is taken at most once: a retry of a key " +
        "already taken must answer 200 with `duplicate: true`. Any non-2xx answer is retried with exponential backoff; each item has a deadline " +
        "(FEEDBACK_DEADLINE_MINUTES after the transition) and is tracked as sent, failed or overdue. The same items can be pulled: GET /api/v1/feedback.",
      parameters: signed,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object", required: ["idempotencyKey", "feedback"],
              properties: {
                idempotencyKey: { type: "string", format: "uuid" },
                feedback: {
                  type: "object", description: "source, externalId, warningId, event (ACKNOWLEDGED | RESOLVED), status, outcome, unitCode, unitName, acknowledgedAt, resolvedAt, amountAtRisk, amountProtected, caseId, at",
                },
              },
            },
          },
        },
      },
      responses: {
        200: json({ type: "object", properties: { id: { type: "string" }, duplicate: { type: "boolean" } } }),
        401: { description: "bad signature" },
        503: { description: "unavailable: retried" },
      },
    },
  },
};
