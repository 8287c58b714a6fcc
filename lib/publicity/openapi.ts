import { errorBody, json, jsonSchema, operation, type PathItem } from "@/lib/openapi/schema";
import { bulkCountItemSchema, MAX_API_ITEMS } from "@/lib/publicity/schemas";
import { createEvent, getEvent, listEventsPage } from "@/lib/publicity/events";
import { bulkUpsertCounts } from "@/lib/publicity/counts";

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };
const day = { type: "string", format: "date", description: "calendar day in China (Asia/Shanghai), YYYY-MM-DD" };

const withDates = (schema: Record<string, unknown>, fields: string[]) => {
  const props = { ...(schema.properties as Record<string, object>) };
  for (const f of fields) props[f] = { ...props[f], ...day };
  return { ...schema, properties: props };
};

const event = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" }, unitCode: { type: "string" }, unitName: { type: "string" }, kind: { type: "string" },
    targetGroup: { type: "string" }, title: { type: "string" }, occurredOn: day, place: { type: ["string", "null"] },
    audienceCount: { type: "integer" }, appRegistrations: { type: "integer" }, materialsCount: { type: "integer" },
    volunteers: { type: "integer" }, note: { type: ["string", "null"] }, version: { type: "integer" }, createdAt: { type: "string", format: "date-time" },
  },
};

const itemResult = {
  type: "object",
  properties: {
    index: { type: "integer" },
    status: { type: "string", enum: ["created", "updated", "unchanged", "conflict", "rejected"] },
    errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" } } } },
  },
};

/** Publicity endpoints (DESIGN.md §5). */
export const publicityPaths: Record<string, PathItem> = {
  "/publicity-events": {
    get: operation(listEventsPage, "get", {
      tags: ["publicity"],
      summary: "Outreach events of the caller's jurisdiction, newest first; `unit` includes its subordinate units; cursor = id of the last item",
      fields: { from: day, to: day },
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: event }, nextCursor: { type: ["string", "null"] } } }), ...errors },
    }),
    post: operation(createEvent, "post", {
      tags: ["publicity"],
      summary: "Log one outreach event; `unitCode` defaults to the caller's unit and must be inside its jurisdiction; registrations cannot exceed the audience; the day cannot be in the future",
      parameters: [{
        name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", pattern: "^[A-Za-z0-9_.:-]{8,100}$" },
        description: "a replay with the same key and body answers the first response (header Idempotent-Replayed: true) and creates nothing; the same key with another body is 409",
      }],
      fields: { occurredOn: day },
      responses: { 201: json(event, "created"), ...errors },
    }),
  },
  "/publicity-events/{id}": {
    get: operation(getEvent, "get", {
      tags: ["publicity"],
      summary: "One event (404 outside the caller's jurisdiction)",
      path: ["id"],
      responses: { 200: json(event), ...errors },
    }),
  },
  "/app-registrations": {
    post: operation(bulkUpsertCounts, "post", {
      tags: ["publicity"],
      summary:
        `Daily counts per unit in bulk (≤ ${MAX_API_ITEMS} items): 国家反诈中心APP registrations, or 96110 consultation calls with metric=CONSULTATION_CALLS. ` +
        "One count per (unit, metric, day). An item equal to the stored count is `unchanged` and not written, so a replay changes nothing; " +
        "a different count is `updated` (or, with updateChanged=false, left alone as `conflict`). A rejected item never blocks the others.",
      // The command takes the items as they come and checks each on its own; the item schema says their shape.
      fields: {
        metric: { default: "APP_REGISTRATIONS" },
        items: { items: withDates(jsonSchema(bulkCountItemSchema) as Record<string, unknown>, ["day"]) },
      },
      responses: {
        200: json({
          type: "object",
          properties: {
            metric: { type: "string" },
            summary: { type: "object", properties: Object.fromEntries(["created", "updated", "unchanged", "conflict", "rejected"].map((k) => [k, { type: "integer" }])) },
            results: { type: "array", items: itemResult },
          },
        }),
        ...errors,
      },
    }),
  },
};
