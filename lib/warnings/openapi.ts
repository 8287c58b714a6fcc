import { errorBody, json, jsonSchema, operation, type PathItem } from "@/lib/openapi/schema";
import { ingestWarningSchema, MAX_BATCH } from "@/lib/warnings/schemas";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { listWarnings, QUEUE_TOTAL_LIMIT, showWarning } from "@/lib/warnings/queries";
import { logWarningAction, transitionWarning } from "@/lib/warnings/commands";
import { openWarningStream } from "@/lib/warnings/stream";

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const warning = jsonSchema(ingestWarningSchema);
const itemResult = {
  type: "object",
  properties: {
    index: { type: "integer" },
    id: { type: "string", format: "uuid" },
    status: { enum: ["created", "repeat", "duplicate", "rejected"] },
    errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" } } } },
    mergedInto: {
      type: "object",
      description: "A repeat, to a caller with warnings:read: the open warning's source and external id, and which repeat of it this item is",
      properties: { source: { type: "string" }, externalId: { type: "string" }, repeat: { type: "integer" } },
    },
  },
};

/** The warning endpoints (DESIGN.md §5). Victim data in answers is masked. */
export const warningPaths: Record<string, PathItem> = {
  "/warnings": {
    post: operation(ingestWarnings, "post", {
      tags: ["warnings"],
      summary: `Ingest one warning or a batch of up to ${MAX_BATCH}; idempotent on (source, externalId) within the key's jurisdiction`,
      description:
        "Each item is created, absorbed as a repeat of an open warning (same victim phone and fraud contact within 72 h), recognised as a duplicate, or rejected with its field errors; a rejected item never blocks the others. " +
        "A key sends only the sources it is bound to (`source_not_allowed`) and names only units of its jurisdiction (`unknown_unit`); duplicates and repeats are matched only among the warnings of its jurisdiction. " +
        "A repeat is kept whole as a sighting; the open warning takes the higher risk, the larger amount and the fields it lacked. receivedAt lies between 2000-01-01 and five minutes ahead.",
      // One warning or an array of them; each item is checked on its own, so the command's input is an array of anything.
      requestBody: { required: true, content: { "application/json": { schema: { oneOf: [warning, { type: "array", maxItems: MAX_BATCH, items: warning }] } } } },
      responses: {
        200: json({ type: "object", properties: { results: { type: "array", items: itemResult }, summary: { type: "object" } } }),
        413: errorBody,
        ...errors,
      },
    }),
    get: operation(listWarnings, "get", {
      tags: ["warnings"],
      summary: "The triage queue of the caller's jurisdiction: open warnings most urgent first; cursor pagination",
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: { type: "object" } }, total: { type: "integer", description: `how many warnings the view holds (all pages), counted up to ${QUEUE_TOTAL_LIMIT}` }, totalCapped: { type: "boolean", description: `the view holds more than \`total\` (${QUEUE_TOTAL_LIMIT})` }, nextCursor: { type: ["string", "null"], description: "the next page: pass it back as ?cursor= with the same filters; a cursor of another view is a 422 on cursor" } } }), ...errors },
    }),
  },
  "/warnings/{id}": {
    get: operation(showWarning, "get", { tags: ["warnings"], summary: "One warning with its SLA ladder, history, actions and repeats", path: ["id"], responses: { 200: json({ type: "object" }), ...errors } }),
  },
  "/warnings/{id}/transitions": {
    post: operation(transitionWarning, "post", {
      tags: ["warnings"],
      summary: "Move the warning along PENDING → ACKNOWLEDGED → IN_PROGRESS → RESOLVED (or reopen with a note); a stale version answers 409",
      path: ["id"],
      responses: { 200: json({ type: "object", properties: { id: { type: "string" }, status: { type: "string" }, version: { type: "integer" } } }), ...errors },
    }),
  },
  "/warnings/{id}/actions": {
    post: operation(logWarningAction, "post", {
      tags: ["warnings"],
      summary: "Log a dissuasion action (96110 call, SMS, visit …); the first one is the first contact",
      path: ["id"],
      responses: { 201: json({ type: "object", properties: { id: { type: "string" }, warningVersion: { type: "integer" } } }), ...errors },
    }),
  },
  "/warnings/stream": {
    get: operation(openWarningStream, "get", {
      tags: ["warnings"],
      summary: "Server-Sent Events: changes in the caller's jurisdiction (ids and states only)",
      responses: { 200: { description: "text/event-stream" }, 401: errorBody, 403: errorBody },
    }),
  },
};
