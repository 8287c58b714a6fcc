import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { MAX_RESCHEDULE_DAYS, REVISIT_OUTCOMES } from "@/lib/revisits/constants";
import { listRevisits } from "@/lib/revisits/queries";
import { recordRevisitOutcome } from "@/lib/revisits/record-outcome";

const uuid = { type: "string", format: "uuid" };
const nullable = (type: string) => ({ type: [type, "null"] });

const revisit = {
  type: "object",
  properties: {
    id: uuid, warningId: uuid, unit: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
    sequence: { type: "integer" }, attempt: { type: "integer" }, dueOn: { type: "string", format: "date" },
    due: { type: "string", enum: ["overdue", "today", "upcoming"] }, daysLate: { type: "integer" },
    status: { type: "string", enum: ["OPEN", "DONE", "CANCELLED"] }, outcome: { type: ["string", "null"], enum: [...REVISIT_OUTCOMES, null] },
    note: nullable("string"), doneAt: nullable("string"), doneBy: nullable("string"), cancelledAt: nullable("string"), version: { type: "integer" },
    officer: nullable("string"), mine: { type: "boolean" }, riskLevel: { type: "string" }, fraudType: { type: "string" },
    warningStatus: { type: "string" }, warningOutcome: nullable("string"), dissuadedAt: nullable("string"),
    personName: nullable("string"), personPhone: nullable("string"), place: nullable("string"),
  },
};
const outcomeResult = {
  type: "object",
  properties: {
    id: uuid, outcome: { type: "string", enum: [...REVISIT_OUTCOMES] }, version: { type: "integer" },
    next: { type: ["object", "null"], properties: { id: uuid, dueOn: { type: "string", format: "date" } } },
    caseId: nullable("string"), warningStatus: { type: "string" },
  },
};

/** Revisits (回访) of dissuaded people. */
export const revisitPaths: Record<string, PathItem> = {
  "/revisits": {
    get: operation(listRevisits, "get", {
      tags: ["revisits"],
      summary:
        "The caller's revisits: an officer's unit's, a dispatcher's jurisdiction's (or one unit of it, `unit`), the earliest due first (at most 200). " +
        "`due`: overdue, today, or upcoming (the next 7 days); `mine`: only those the caller is responsible for. Persons are masked.",
      responses: { 200: json({ type: "object", properties: { today: { type: "string", format: "date" }, revisits: { type: "array", items: revisit } } }, "the revisits"), 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
    }),
  },
  "/revisits/{id}/outcome": {
    post: operation(recordRevisitOutcome, "post", {
      tags: ["revisits"],
      summary:
        "Record the outcome of an open revisit of the caller's unit (version-checked: a stale version is 409, a revisit no longer open 409). " +
        "DEFRAUDED (已被骗) reopens the warning and resolves it ALREADY_DEFRAUDED, which opens a REPORTED case, and cancels the warning's other open revisits; " +
        `TEMP_UNREACHABLE (暂时找不到) may give \`rescheduleOn\` (tomorrow to ${MAX_RESCHEDULE_DAYS} days ahead) for the next attempt (409 warning_not_dissuaded once the warning was resolved otherwise); INFO_MISMATCH needs a note. ` +
        "An Idempotency-Key header makes a retry safe. 404 outside the caller's unit.",
      path: ["id"],
      fields: { rescheduleOn: { type: "string", format: "date", description: `calendar day in China, tomorrow to ${MAX_RESCHEDULE_DAYS} days ahead` } },
      responses: { 200: json(outcomeResult, "recorded"), 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody },
    }),
  },
};
