import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { searchPersonsByTail, showPerson } from "@/lib/persons/queries";
import { lookupPerson, revealPersonIdentifier } from "@/lib/persons/commands";

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const uuid = { type: "string", format: "uuid" };
const identifier = { type: "object", properties: { id: uuid, kind: { type: "string", enum: ["MOBILE", "ID_NUMBER"] }, masked: { type: "string" } } };
const hit = { type: "object", properties: { id: uuid, identifiers: { type: "array", items: identifier }, lastWarningAt: { type: ["string", "null"], format: "date-time" } } };

/** 一人一档: person files and the searches that find them. */
export const personPaths: Record<string, PathItem> = {
  "/persons": {
    get: operation(searchPersonsByTail, "get", {
      tags: ["persons"],
      summary: "Tail search: persons with a record in the caller's jurisdiction and a mobile or ID number ending in `tail` (four digits, or three and X), masked, the most recently warned first (at most 50)",
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: hit } } }), ...errors },
    }),
  },
  "/persons/lookup": {
    post: operation(lookupPerson, "post", {
      tags: ["persons"],
      summary: "Exact lookup of a full mobile (+86, spaces allowed) or ID number, with a reason; audited, found or not (it tells the caller the person is known). `person` is set when the caller's jurisdiction holds a record of the person",
      responses: { 200: json({ type: "object", properties: { known: { type: "boolean" }, person: { oneOf: [hit, { type: "null" }] } } }), ...errors },
    }),
  },
  "/persons/{id}": {
    get: operation(showPerson, "get", {
      tags: ["persons"],
      summary: "A person's file: masked identity (the numbers the caller's records carry), counts and the timeline of the records in the caller's jurisdiction; 404 when none is",
      path: ["id"],
      responses: { 200: json({ type: "object" }), ...errors },
    }),
  },
  "/persons/{id}/reveal": {
    post: operation(revealPersonIdentifier, "post", {
      tags: ["persons"],
      summary: "One full number of the file (audited with the reason)",
      path: ["id"],
      responses: { 200: json({ type: "string" }), ...errors },
    }),
  },
};
