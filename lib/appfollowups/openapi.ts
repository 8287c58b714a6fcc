import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { APP_FOLLOWUP_OUTCOMES } from "@/lib/appfollowups/constants";
import { getAppFollowUp, listAppFollowUps } from "@/lib/appfollowups/queries";
import { recordAppFollowUpOutcome } from "@/lib/appfollowups/record-outcome";

const uuid = { type: "string", format: "uuid" };
const nullable = (type: string) => ({ type: [type, "null"] });

const appFollowUp = {
  type: "object",
  properties: {
    id: uuid, personId: uuid, warningId: uuid, unit: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
    status: { type: "string", enum: ["OPEN", "DONE"] }, outcome: { type: ["string", "null"], enum: [...APP_FOLLOWUP_OUTCOMES, null] },
    atVisit: { type: "boolean", description: "closed by a visit or counter interception that recorded the app" },
    note: nullable("string"), doneAt: nullable("string"), doneBy: nullable("string"), version: { type: "integer" }, createdAt: { type: "string" },
    officer: nullable("string"), mine: { type: "boolean" }, riskLevel: { type: "string" }, fraudType: { type: "string" }, dissuadedAt: nullable("string"),
    personName: nullable("string"), personPhone: nullable("string"), place: nullable("string"),
  },
};

/** App follow-ups (APP回访): one per person warned and dissuaded without the 国家反诈中心APP. */
export const appFollowUpPaths: Record<string, PathItem> = {
  "/app-followups": {
    get: operation(listAppFollowUps, "get", {
      tags: ["app-followups"],
      summary:
        "The caller's app follow-ups: an officer's unit's, a dispatcher's jurisdiction's (or one unit of it, `unit`), the oldest first (at most 200). " +
        "One per person, created when a warning naming them is resolved DISSUADED (closed at once when the app was already recorded). Persons are masked.",
      responses: { 200: json({ type: "object", properties: { appFollowUps: { type: "array", items: appFollowUp } } }, "the app follow-ups"), 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
    }),
  },
  "/app-followups/{id}": {
    get: operation(getAppFollowUp, "get", {
      tags: ["app-followups"],
      summary: "One app follow-up of a unit whose warnings the caller works (404 elsewhere).",
      path: ["id"],
      responses: { 200: json(appFollowUp, "the app follow-up"), 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
    }),
  },
  "/app-followups/{id}/outcome": {
    post: operation(recordAppFollowUpOutcome, "post", {
      tags: ["app-followups"],
      summary:
        "Record the outcome of an open app follow-up: INSTALLED, REFUSED (the note says why: required) or UNREACHABLE (version-checked: a stale version is 409, " +
        "one no longer open 409). A visit or counter interception with appRegistered closes it by itself. An Idempotency-Key header makes a retry safe. 404 outside the caller's units.",
      path: ["id"],
      responses: { 200: json({ type: "object", properties: { id: uuid, outcome: { type: "string", enum: [...APP_FOLLOWUP_OUTCOMES] }, version: { type: "integer" } } }, "recorded"), 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody },
    }),
  },
};
