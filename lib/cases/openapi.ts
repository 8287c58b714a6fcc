import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import type { Command } from "@/lib/commands/command";
import { listCases } from "@/lib/cases/queries";
import { createCase } from "@/lib/cases/create-case";
import { getCase } from "@/lib/cases/case-detail";
import { updateCaseFacts, updateVictim } from "@/lib/cases/facts";
import { transitionCase } from "@/lib/cases/transition-case";
import { transferCase } from "@/lib/cases/transfer-case";
import { addCaseGang } from "@/lib/cases/gangs";
import { addVictim } from "@/lib/cases/victims";
import { requestFreeze, updateFreeze } from "@/lib/cases/freezes";
import { addSuspect, updateSuspect } from "@/lib/cases/suspects";
import { addSeizedItem, updateSeizedItem } from "@/lib/cases/seized-items";
import { recordRecovery, recordReturn } from "@/lib/cases/recoveries";

const obj = { type: "object" };
const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };
const created = json({ type: "object", properties: { id: { type: "string", format: "uuid" } } }, "created");

/** A sub-resource of the case: its list (a view of the case's detail), its creation and, if any, its update. */
const sub = (tag: string, what: string, add: { command: Command; summary: string }, update?: { command: Command; summary: string }) => {
  const out: Record<string, PathItem> = {
    [`/cases/{id}/${tag}`]: {
      get: operation(getCase, "get", { tags: ["cases"], view: tag, summary: `The case's ${what} (personal data masked)`, path: ["id"], responses: { 200: json(obj), ...errors } }),
      post: operation(add.command, "post", { tags: ["cases"], summary: add.summary, path: ["id"], responses: { 201: created, ...errors } }),
    },
  };
  if (update) {
    out[`/cases/{id}/${tag}/{subId}`] = {
      patch: operation(update.command, "patch", {
        tags: ["cases"], summary: update.summary, path: ["id", "subId"], fields: { subId: { description: `id of the ${what}` } }, responses: { 200: json(obj), ...errors },
      }),
    };
  }
  return out;
};

/** The case endpoints (DESIGN.md §5). Money is a decimal string with two places ("1234.50"). */
export const casePaths: Record<string, PathItem> = {
  "/cases": {
    get: operation(listCases, "get", {
      tags: ["cases"],
      summary: "Cases of the caller's jurisdiction (filters; phone, account and suspect searches take the last 4–6 digits)",
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: obj }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" } } }), ...errors },
    }),
    post: operation(createCase, "post", {
      tags: ["cases"],
      summary: "Intake of a direct report (110, 96110, walk-in, online) by the caller's unit; each account becomes a stop-payment request",
      parameters: [{ name: "Idempotency-Key", in: "header", required: false, description: "a retry with the same key and body answers the first case (200)", schema: { type: "string", minLength: 8, maxLength: 100 } }],
      responses: {
        201: json({ type: "object", properties: { id: { type: "string" }, caseNumber: { type: "string", example: "420302-2026-00017" } } }, "created"),
        200: json(obj, "replayed: the case created by the first request with this Idempotency-Key"),
        ...errors,
      },
    }),
  },
  "/cases/{id}": {
    get: operation(getCase, "get", { tags: ["cases"], summary: "One case with its money summary, step times, sub-records and timeline", path: ["id"], responses: { 200: json(obj), ...errors } }),
    patch: operation(updateCaseFacts, "patch", {
      tags: ["cases"], summary: "Correct the case's facts (fraud type, account of events, times) while its unit handles it; filing needs a loss and an account of its own",
      path: ["id"], responses: { 200: json(obj), ...errors },
    }),
  },
  "/cases/{id}/transitions": {
    post: operation(transitionCase, "post", {
      tags: ["cases"],
      summary: "One step of REPORTED → PENDING_APPROVAL → FILED → INVESTIGATING → SOLVED → PROSECUTED → CLOSED (side exits NOT_FILED, SUSPENDED); filing decisions need cases:approve and a second person",
      path: ["id"],
      responses: { 200: json({ type: "object", properties: { id: { type: "string" }, status: { type: "string" }, version: { type: "integer" } } }), ...errors },
    }),
  },
  "/cases/{id}/transfers": {
    post: operation(transferCase, "post", { tags: ["cases"], summary: "流转: hand the case to another unit of the city", path: ["id"], responses: { 201: json(obj, "created"), ...errors } }),
  },
  "/cases/{id}/gangs": {
    post: operation(addCaseGang, "post", { tags: ["cases"], summary: "Create a gang for the case, or link an existing one with { gangId }", path: ["id"], responses: { 201: created, ...errors } }),
  },
  ...sub("victims", "victims", { command: addVictim, summary: "Add a victim (the case's loss is the sum of its victims' losses)" }, {
    command: updateVictim, summary: "Correct a victim (fields left out keep their value); the case's loss is recomputed",
  }),
  ...sub("freezes", "stop-payment / freeze requests", { command: requestFreeze, summary: "Request a stop-payment (紧急止付) or freeze (冻结) on one account" }, {
    command: updateFreeze, summary: "The bank's answer (EXECUTED, PARTIAL, FAILED) or the end of the hold (RELEASED, EXPIRED)",
  }),
  ...sub("suspects", "suspects", { command: addSuspect, summary: "Add a new suspect, or link a known one with { suspectId }" }, {
    command: updateSuspect, summary: "Move the suspect on (ARRESTED 抓获, DETAINED, PROSECUTED, RELEASED), or set their gang with { version, gangId }",
  }),
  ...sub("seized-items", "seized items", { command: addSeizedItem, summary: "Record seized items (SIM cards, bank cards, POS, GOIP …)" }, {
    command: updateSeizedItem, summary: "Change storage or disposition",
  }),
  ...sub("recoveries", "recovered funds", { command: recordRecovery, summary: "Record recovered funds (追赃挽损), optionally returned to a victim" }, {
    command: recordReturn, summary: "Record the return of recovered funds to a victim",
  }),
};
