import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { MAX_FOLLOW_UP_DAYS } from "@/lib/field/schemas";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };
const day = { type: "string", format: "date", description: `calendar day in China (Asia/Shanghai), today to ${MAX_FOLLOW_UP_DAYS} days ahead` };

const idempotencyKey = {
  name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9_.:-]{8,100}$" },
  description: "one key per record (e.g. a UUID made once per form); a retry resends it and gets the first answer back (200, header Idempotent-Replayed: true) — the same key with another request is 422 IDEMPOTENCY_KEY_REUSED",
};

const uuid = { type: "string", format: "uuid" };
const visitResult = { type: "object", properties: { id: uuid, warningId: uuid, status: { type: "string" }, caseId: { type: ["string", "null"] } } };
const interceptResult = { type: "object", properties: { id: uuid, warningId: { type: ["string", "null"] }, warningStatus: { type: ["string", "null"] } } };

/** Precinct field work (上门劝阻, 临柜拦截). */
export const fieldPaths: Record<string, PathItem> = {
  "/warnings/{id}/home-visits": {
    post: operation(recordHomeVisit, "post", {
      tags: ["field"],
      summary:
        "Record a home visit (上门劝阻) to a warning of the caller's unit and move the warning in the same transaction: a PENDING one is signed for, " +
        "then DISSUADED → resolved DISSUADED, ALREADY_PAID → resolved ALREADY_DEFRAUDED (opens a REPORTED case), NOT_FRAUD → FALSE_POSITIVE, " +
        "NOT_FOUND → UNREACHABLE unless a follow-up is scheduled (stays IN_PROGRESS), REFUSED → stays IN_PROGRESS (a follow-up is required). " +
        "The visit closes the warning's open follow-ups. 404 outside the caller's unit.",
      path: ["id"],
      parameters: [idempotencyKey],
      fields: { followUpOn: day },
      responses: { 201: json(visitResult, "recorded"), 200: json(visitResult, "replay of an earlier submit with this key"), ...errors },
    }),
  },
  "/counter-intercepts": {
    post: operation(recordCounterIntercept, "post", {
      tags: ["field"],
      summary:
        "Record a counter interception (临柜拦截) for the caller's unit, by the caller: one person kept from being defrauded, with the amount stopped. " +
        "With `warningId` (a warning of the caller's unit) the warning is resolved DISSUADED in the same transaction.",
      parameters: [idempotencyKey],
      fields: { followUpOn: day },
      responses: { 201: json(interceptResult, "recorded"), 200: json(interceptResult, "replay of an earlier submit with this key"), ...errors },
    }),
  },
};
