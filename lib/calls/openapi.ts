import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { ingestCallEvent, listCalls, MATCH_WINDOW_HOURS } from "@/lib/calls/commands";
import { pullFeedback } from "@/lib/feedback/queries";
import { FEEDBACK_SOURCES } from "@/lib/feedback/queue";

const uuid = { type: "string", format: "uuid" };
const nullable = (type: string, format?: string) => ({ type: [type, "null"], ...(format ? { format } : {}) });

const callEventResult = {
  type: "object",
  properties: {
    id: uuid, callId: { type: "string" }, event: { type: "string", enum: ["RINGING", "ANSWERED", "ENDED"] },
    status: { type: "string", enum: ["recorded", "duplicate"] }, warningId: nullable("string", "uuid"), actionId: nullable("string", "uuid"),
  },
};
const call = {
  type: "object",
  properties: {
    id: uuid, callId: { type: "string" }, direction: { type: "string", enum: ["OUTBOUND", "INBOUND"] },
    callerNumber: { type: "string", description: "masked" }, calleeNumber: { type: "string", description: "masked" }, agent: nullable("string"),
    ringingAt: nullable("string", "date-time"), answeredAt: nullable("string", "date-time"), endedAt: nullable("string", "date-time"),
    durationSeconds: nullable("integer"), recordingRef: nullable("string"), warningId: nullable("string", "uuid"), actionId: nullable("string", "uuid"),
    createdAt: { type: "string", format: "date-time" }, unit: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
  },
};
const feedback = {
  type: "object",
  properties: {
    id: uuid, createdAt: { type: "string", format: "date-time" }, dueAt: nullable("string", "date-time"), sentAt: nullable("string", "date-time"),
    delivery: { type: "string", enum: ["pending", "sent", "failed", "overdue"] }, attempts: { type: "integer" },
    source: { type: "string", enum: [...FEEDBACK_SOURCES] }, externalId: { type: "string" }, warningId: uuid,
    event: { type: "string", enum: ["ACKNOWLEDGED", "RESOLVED"] }, status: { type: "string" }, outcome: nullable("string"),
    unitCode: { type: "string" }, unitName: { type: "string" }, acknowledgedAt: nullable("string", "date-time"), resolvedAt: nullable("string", "date-time"),
    amountAtRisk: nullable("string"), amountProtected: { type: "string", description: "yuan, 2 decimals: the sum protected by the warning's actions" },
    caseId: nullable("string", "uuid"), at: { type: "string", format: "date-time" },
  },
};

/** 96110 call events from the call center, and feedback pulled by national / provincial feeds. */
export const callPaths: Record<string, PathItem> = {
  "/call-events": {
    post: operation(ingestCallEvent, "post", {
      tags: ["calls"],
      summary:
        "One event of a 96110 call (RINGING, ANSWERED, ENDED), from the call center's API key. Idempotent per call id and event: a replay answers " +
        "`duplicate` and changes nothing. The call is attached to the warning of the key's jurisdiction whose victim phone is the person's number " +
        `(the callee of an OUTBOUND call, the caller of an INBOUND one), received at most ${MATCH_WINDOW_HOURS} h before the call's first event and ` +
        "not resolved before it (the latest received wins). ENDED on an attached call writes the warning's 96110 call log entry (a HOTLINE_CALL " +
        "action: CONNECTED if answered, else UNANSWERED; counted in the 96110 figure) and, like a typed call, moves a signed-for warning to 劝阻中 " +
        "and stops its automatic ladder. A call matching no warning is kept (GET ?matched=false). `unitCode` names a desk of the key's jurisdiction " +
        "(anything else is a 422).",
      responses: { 200: json(callEventResult, "recorded, or a duplicate"), 401: errorBody, 403: errorBody, 413: errorBody, 422: errorBody },
    }),
    get: operation(listCalls, "get", {
      tags: ["calls"],
      summary: "The 96110 calls of the caller's jurisdiction, the latest first (100 a page; `cursor` = the previous page's nextCursor); numbers masked.",
      responses: { 200: json({ type: "object", properties: { calls: { type: "array", items: call }, nextCursor: nullable("string", "uuid") } }, "the calls"), 401: errorBody, 403: errorBody, 422: errorBody },
    }),
  },
  "/feedback": {
    get: operation(pullFeedback, "get", {
      tags: ["calls"],
      summary:
        "Feedback on the warnings of the key's sources (of NATIONAL, PROVINCIAL) in its jurisdiction: one item per 签收 and per resolution, " +
        "oldest first (500 a page), with its push delivery (pending / sent / failed / overdue against its deadline). The same items are pushed " +
        "to the platform (webhook upstreamFeedback).",
      responses: { 200: json({ type: "object", properties: { feedback: { type: "array", items: feedback }, nextCursor: nullable("string", "uuid") } }, "the feedback"), 401: errorBody, 403: errorBody, 422: errorBody },
    }),
  },
};
