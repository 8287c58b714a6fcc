import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { PARTNER_REQUEST_KINDS } from "@/lib/requests/rules";
import { requestFromCase, requestFromWarning } from "@/lib/requests/create";
import { answerPartnerRequest } from "@/lib/requests/answer";
import { getPartnerRequestDocument, listPartnerRequests } from "@/lib/requests/queries";

const uuid = { type: "string", format: "uuid" };
const nullable = (type: string) => ({ type: [type, "null"] });
const money = { type: ["string", "null"], pattern: "^\\d+\\.\\d{2}$" };
const created = json({ type: "object", properties: { id: uuid, docNumber: { type: "string" } } }, "the request, its document number; its outbox message is written");

const request = {
  type: "object",
  properties: {
    id: uuid, docNumber: { type: "string" }, kind: { type: "string", enum: [...PARTNER_REQUEST_KINDS] },
    status: { type: "string", enum: ["SENT", "ACCEPTED", "REJECTED", "UNDELIVERED"] }, partnerName: { type: "string" },
    target: { type: "string", description: "account or phone number, masked" }, holderName: nullable("string"),
    amount: money, amountStopped: money, amountProtected: { type: "string", description: "what this request adds to losses stopped (止损), beyond the request it follows" },
    requestedAt: { type: "string", format: "date-time" }, deadlineAt: nullable("string"), answeredAt: nullable("string"), answerReason: nullable("string"),
    version: { type: "integer" }, caseId: nullable("string"), caseNumber: nullable("string"), warningId: nullable("string"),
    deadline: { type: ["string", "null"], enum: ["lapsed", "lapsing", null], description: "a stop-payment past its 48 h with no freeze following (lapsed), or within 12 h of it (lapsing)" },
  },
};

const createSummary = (from: string) =>
  `Raise a request from ${from}: STOP_PAYMENT (紧急止付) or FREEZE (协助冻结) to a bank — target an account number, amount required — or SUSPEND (停机) or VERIFY (核查) ` +
  "to a carrier — target a phone number. The request, its printable document's fields and its outbox message (channel BANK or CARRIER) are written in one transaction; " +
  "the partner's answer comes back as a gateway receipt (ACCEPTED with amountStopped, or REJECTED with reason). A stop-payment lapses 48 h after the bank executes it " +
  "unless a FREEZE of the same account follows (flagged at the deadline). 404 outside the caller's jurisdiction.";

/** Bank and carrier requests (issue 16 item 5). */
export const partnerRequestPaths: Record<string, PathItem> = {
  "/cases/{id}/partner-requests": {
    post: operation(requestFromCase, "post", { tags: ["partner-requests"], summary: createSummary("a case"), path: ["id"], responses: { 201: created, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody } }),
  },
  "/warnings/{id}/partner-requests": {
    post: operation(requestFromWarning, "post", { tags: ["partner-requests"], summary: createSummary("a warning"), path: ["id"], responses: { 201: created, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody } }),
  },
  "/partner-requests": {
    get: operation(listPartnerRequests, "get", {
      tags: ["partner-requests"],
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: request }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" }, lapsed: { type: "integer" } } }, "the requests"), 401: errorBody, 403: errorBody, 422: errorBody },
    }),
  },
  "/partner-requests/{id}": {
    get: operation(getPartnerRequestDocument, "get", {
      tags: ["partner-requests"], path: ["id"],
      responses: { 200: json({ ...request, properties: { ...request.properties, targetFull: { type: "string" }, legalBasis: { type: "string" }, requestingAuthority: { type: "string" } } }, "the request's document"), 401: errorBody, 403: errorBody, 404: errorBody },
    }),
  },
  "/partner-requests/{id}/answer": {
    post: operation(answerPartnerRequest, "post", {
      tags: ["partner-requests"], path: ["id"],
      responses: { 200: json({ type: "object", properties: { id: uuid, version: { type: "integer" } } }, "recorded"), 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody },
    }),
  },
};
