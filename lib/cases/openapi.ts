import { errorBody, jsonSchema, type PathItem } from "@/lib/openapi/schema";
import { createCaseSchema, freezeCreateSchema, freezeUpdateSchema, gangCreateSchema, listCasesQuerySchema, newSuspectSchema, recoveryReturnSchema, recoverySchema, seizedItemSchema, seizedItemUpdateSchema, suspectStatusSchema, transferSchema, transitionSchema, victimSchema, caseFactsSchema, victimUpdateSchema } from "@/lib/cases/schemas";

const json = (schema: object, description = "ok") => ({ description, content: { "application/json": { schema } } });
const body = (schema: object) => ({ required: true, content: { "application/json": { schema } } });
const obj = { type: "object" };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const subParam = (what: string) => ({ name: "subId", in: "path", required: true, description: `id of the ${what}`, schema: { type: "string", format: "uuid" } });
const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };
const created = json({ type: "object", properties: { id: { type: "string", format: "uuid" } } }, "created");

const queryParams = Object.entries((jsonSchema(listCasesQuerySchema) as { properties?: Record<string, object> }).properties ?? {}).map(
  ([name, schema]) => ({ name, in: "query", required: false, schema }),
);

const sub = (tag: string, what: string, createSchema: object, summary: string, patch?: { schema: object; summary: string }) => {
  const out: Record<string, PathItem> = {
    [`/cases/{id}/${tag}`]: {
      get: { tags: ["cases"], summary: `The case's ${what} (personal data masked)`, parameters: [idParam], responses: { 200: json(obj), ...errors } },
      post: { tags: ["cases"], summary, parameters: [idParam], requestBody: body(createSchema), responses: { 201: created, ...errors } },
    },
  };
  if (patch) {
    out[`/cases/{id}/${tag}/{subId}`] = {
      patch: { tags: ["cases"], summary: patch.summary, parameters: [idParam, subParam(what)], requestBody: body(patch.schema), responses: { 200: json(obj), ...errors } },
    };
  }
  return out;
};

/** The case endpoints (DESIGN.md §5). Money is a decimal string with two places ("1234.50"). */
export const casePaths: Record<string, PathItem> = {
  "/cases": {
    get: {
      tags: ["cases"],
      summary: "Cases of the caller's jurisdiction (filters; phone, account and suspect searches take the last 4–6 digits)",
      parameters: queryParams,
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: obj }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" } } }), ...errors },
    },
    post: {
      tags: ["cases"],
      summary: "Intake of a direct report (110, 96110, walk-in, online) by the caller's unit; each account becomes a stop-payment request",
      parameters: [{ name: "Idempotency-Key", in: "header", required: false, description: "a retry with the same key and body answers the first case (200)", schema: { type: "string", minLength: 8, maxLength: 100 } }],
      requestBody: body(jsonSchema(createCaseSchema)),
      responses: {
        201: json({ type: "object", properties: { id: { type: "string" }, caseNumber: { type: "string", example: "420302-2026-00017" } } }, "created"),
        200: json(obj, "replayed: the case created by the first request with this Idempotency-Key"),
        ...errors,
      },
    },
  },
  "/cases/{id}": {
    get: { tags: ["cases"], summary: "One case with its money summary, step times, sub-records and timeline", parameters: [idParam], responses: { 200: json(obj), ...errors } },
    patch: {
      tags: ["cases"], summary: "Correct the case's facts (fraud type, account of events, times) while its unit handles it; filing needs a loss and an account of its own",
      parameters: [idParam], requestBody: body(jsonSchema(caseFactsSchema)), responses: { 200: json(obj), ...errors },
    },
  },
  "/cases/{id}/transitions": {
    post: {
      tags: ["cases"],
      summary: "One step of REPORTED → PENDING_APPROVAL → FILED → INVESTIGATING → SOLVED → PROSECUTED → CLOSED (side exits NOT_FILED, SUSPENDED); filing decisions need cases:approve and a second person",
      parameters: [idParam],
      requestBody: body(jsonSchema(transitionSchema)),
      responses: { 200: json({ type: "object", properties: { id: { type: "string" }, status: { type: "string" }, version: { type: "integer" } } }), ...errors },
    },
  },
  "/cases/{id}/transfers": {
    post: { tags: ["cases"], summary: "流转: hand the case to another unit of the city", parameters: [idParam], requestBody: body(jsonSchema(transferSchema)), responses: { 201: json(obj, "created"), ...errors } },
  },
  "/cases/{id}/gangs": {
    post: { tags: ["cases"], summary: "Create a gang for the case, or link an existing one with { gangId }", parameters: [idParam], requestBody: body(jsonSchema(gangCreateSchema)), responses: { 201: created, ...errors } },
  },
  ...sub("victims", "victims", jsonSchema(victimSchema), "Add a victim (the case's loss is the sum of its victims' losses)", {
    schema: jsonSchema(victimUpdateSchema), summary: "Correct a victim (fields left out keep their value); the case's loss is recomputed",
  }),
  ...sub("freezes", "stop-payment / freeze requests", jsonSchema(freezeCreateSchema), "Request a stop-payment (紧急止付) or freeze (冻结) on one account", {
    schema: jsonSchema(freezeUpdateSchema), summary: "The bank's answer (EXECUTED, PARTIAL, FAILED) or the end of the hold (RELEASED, EXPIRED)",
  }),
  ...sub("suspects", "suspects", jsonSchema(newSuspectSchema), "Add a new suspect, or link a known one with { suspectId }", {
    schema: jsonSchema(suspectStatusSchema), summary: "Move the suspect on (ARRESTED 抓获, DETAINED, PROSECUTED, RELEASED), or set their gang with { version, gangId }",
  }),
  ...sub("seized-items", "seized items", jsonSchema(seizedItemSchema), "Record seized items (SIM cards, bank cards, POS, GOIP …)", {
    schema: jsonSchema(seizedItemUpdateSchema), summary: "Change storage or disposition",
  }),
  ...sub("recoveries", "recovered funds", jsonSchema(recoverySchema), "Record recovered funds (追赃挽损), optionally returned to a victim", {
    schema: jsonSchema(recoveryReturnSchema), summary: "Record the return of recovered funds to a victim",
  }),
};
