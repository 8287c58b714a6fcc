import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { addPersonLabel, listLabelledPersons, removePersonLabel } from "@/lib/persons/labels";
import { commitLabelImport, previewLabelImport } from "@/lib/persons/label-import";
import { cancelOutreach, createOutreach, listOutreachCampaigns, listOutreachTasks, recordOutreachOutcome } from "@/lib/persons/outreach";
import { OUTREACH_OUTCOMES, PERSON_LABELS } from "@/lib/persons/label-constants";

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const uuid = { type: "string", format: "uuid" };
const nullable = (type: string) => ({ type: [type, "null"] });
const labels = { type: "array", items: { type: "string", enum: [...PERSON_LABELS] } };
const row = {
  type: "object",
  properties: {
    personId: uuid, unitId: uuid, unitCode: { type: "string" }, unitName: { type: "string" }, labels,
    name: nullable("string"), phone: nullable("string"), address: nullable("string"), community: nullable("string"),
    lastContactAt: { type: ["string", "null"], format: "date-time" },
  },
};
const importResult = {
  type: "object",
  properties: {
    rows: { type: "integer" }, created: { type: "integer" }, updated: { type: "integer" }, unchanged: { type: "integer" },
    errors: { type: "array", items: { type: "object", properties: { line: { type: "integer" }, errors: { type: "array", items: { type: "string" } }, reasons: { type: "array", items: { type: "string" } } } } },
  },
};
const task = {
  type: "object",
  properties: {
    id: uuid, campaignId: uuid, personId: uuid, title: { type: "string" }, label: { type: "string", enum: [...PERSON_LABELS] },
    status: { type: "string", enum: ["OPEN", "DONE", "CANCELLED"] }, outcome: { type: ["string", "null"], enum: [...OUTREACH_OUTCOMES, null] },
    note: nullable("string"), doneAt: nullable("string"), version: { type: "integer" },
    name: nullable("string"), phone: nullable("string"), address: nullable("string"), community: nullable("string"),
  },
};

/** 易受骗人群/高危人员: labels, the precinct lists, the list import and targeted outreach. */
export const personLabelPaths: Record<string, PathItem> = {
  "/persons/labels": {
    get: operation(listLabelledPersons, "get", {
      tags: ["persons"],
      summary:
        "Labelled persons of the caller's jurisdiction (or of one unit of it, `unit`), one row per person and home unit, masked, the longest uncontacted first (at most 500). " +
        "REPEAT_WARNINGS (≥ 2 warnings in 90 days), PAST_VICTIM and CARD_SELLING_SUSPECT (art. 38 measure, case suspect) are derived from the records; the others are recorded. " +
        "`notContactedDays`: only those with no reaching call, visit, interception, revisit or outreach visit in that many days.",
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: row }, truncated: { type: "boolean" } } }), ...errors },
    }),
  },
  "/persons/{id}/labels": {
    post: operation(addPersonLabel, "post", {
      tags: ["persons"],
      summary: "Label a person whose file the caller's jurisdiction holds (ELDERLY_ALONE, STUDENT, CARD_SELLING_SUSPECT) in a home unit (default: the caller's); a label already held changes nothing",
      path: ["id"],
      responses: { 200: json({ type: "object", properties: { id: uuid, created: { type: "boolean" } } }), ...errors },
    }),
  },
  "/persons/{id}/labels/{labelId}": {
    delete: operation(removePersonLabel, "delete", {
      tags: ["persons"],
      summary: "Remove a recorded label (by hand or imported) of a home unit in the caller's jurisdiction; derived labels end with the records they come from",
      path: ["id", "labelId"],
      responses: { 200: json({ type: "object", properties: { id: uuid, removed: { type: "boolean" } } }), ...errors },
    }),
  },
  "/persons/labels/import/preview": {
    post: operation(previewLabelImport, "post", {
      tags: ["persons"],
      summary: "Check a community's list (CSV text: name, ID number and/or mobile, label, address, community): per-row errors with Chinese reasons and what importing would do; writes nothing",
      responses: { 200: json(importResult), ...errors },
    }),
  },
  "/persons/labels/import": {
    post: operation(commitLabelImport, "post", {
      tags: ["persons"],
      summary: "Import the list's valid rows into the home unit (default: the caller's): idempotent (a label is kept once per person, label and unit), audited",
      responses: { 200: json(importResult), ...errors },
    }),
  },
  "/outreach": {
    get: operation(listOutreachCampaigns, "get", {
      tags: ["outreach"],
      summary: "Targeted-outreach campaigns of the caller's jurisdiction with their progress and the publicity event a completed one counts as",
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: { type: "object" } } } }), ...errors },
    }),
    post: operation(createOutreach, "post", {
      tags: ["outreach"],
      summary: "Start a targeted outreach (定向走访): one task per person labelled `label` of the unit (default: the caller's jurisdiction) not contacted in `notContactedDays` days, on the list of the person's home precinct " +
        "(`skipped`: persons whose home unit is no precinct); 422 `no_persons` when nobody matches",
      responses: { 200: json({ type: "object", properties: { id: uuid, tasks: { type: "integer" }, skipped: { type: "integer" } } }), ...errors },
    }),
  },
  "/outreach/{id}/cancel": {
    post: operation(cancelOutreach, "post", {
      tags: ["outreach"],
      summary: "Cancel a targeted outreach of the caller's jurisdiction with a reason: its open tasks are withdrawn; the visits already made still count as publicity work (409 `outreach_ended` once it has ended)",
      path: ["id"],
      responses: { 200: json({ type: "object", properties: { id: uuid, withdrawn: { type: "integer" }, publicityEventId: nullable("string") } }), ...errors, 409: errorBody },
    }),
  },
  "/outreach/tasks": {
    get: operation(listOutreachTasks, "get", {
      tags: ["outreach"],
      summary: "The open outreach tasks of the caller's unit (masked)",
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: task } } }), ...errors },
    }),
  },
  "/outreach/tasks/{id}/outcome": {
    post: operation(recordOutreachOutcome, "post", {
      tags: ["outreach"],
      summary:
        "Record an outreach visit of the caller's unit (version-checked: stale 409, not open 409). The campaign's last task done completes it and records a " +
        "PublicityEvent (ELDERLY, CAMPUS or COMMUNITY by label; audience: the persons reached), so it counts as publicity work. An Idempotency-Key header makes a retry safe.",
      path: ["id"],
      responses: { 200: json({ type: "object", properties: { id: uuid, outcome: { type: "string" }, version: { type: "integer" }, campaignCompleted: { type: "boolean" }, publicityEventId: nullable("string") } }), ...errors, 409: errorBody },
    }),
  },
};
