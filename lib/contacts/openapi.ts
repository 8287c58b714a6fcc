import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { caseContacts, listClusters, showCluster, warningContacts } from "@/lib/contacts/queries";
import { addCaseContact, decideCaseLink, proposeCaseLink } from "@/lib/contacts/commands";

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const uuid = { type: "string", format: "uuid" };
const kind = { type: "string", enum: ["PHONE", "URL", "APP", "WECHAT", "QQ", "BANK_ACCOUNT"] };
const counted = {
  type: "object",
  properties: { id: uuid, kind, display: { type: "string", description: "bank accounts masked (first 6 / last 4)" }, otherWarnings: { type: "integer" }, otherCases: { type: "integer" } },
};
const items = (item: object) => json({ type: "object", properties: { items: { type: "array", items: item } } });

/** 串并案: fraud contacts across warnings and cases, and 并案 (linking cases, decided by a second person). */
export const contactPaths: Record<string, PathItem> = {
  "/cases/{id}/contacts": {
    get: operation(caseContacts, "get", { tags: ["cases"], summary: "The case's fraud contacts with the number of other warnings and cases of the caller's jurisdiction sharing each", path: ["id"], responses: { 200: items(counted), ...errors } }),
    post: operation(addCaseContact, "post", { tags: ["cases"], summary: "Add a fraud contact { kind, value } to the case (normalised: phone digits without +86, URL host and path without scheme, account digits)", path: ["id"], responses: { 201: json({ type: "object", properties: { id: uuid } }, "created"), ...errors } }),
  },
  "/cases/{id}/links": {
    post: operation(proposeCaseLink, "post", { tags: ["cases"], summary: "并案: propose linking the case with another case of the jurisdiction, with a reason", path: ["id"], responses: { 201: json({ type: "object", properties: { id: uuid, version: { type: "integer" } } }, "created"), ...errors } }),
  },
  "/case-links/{id}/decision": {
    post: operation(decideCaseLink, "post", { tags: ["cases"], summary: "并案: confirm or reject a proposal (cases:approve, never the proposer); confirmed cases share a group id, suspects and gangs", path: ["id"], responses: { 200: json({ type: "object", properties: { id: uuid, status: { type: "string" }, groupId: { type: ["string", "null"] } } }), ...errors } }),
  },
  "/warnings/{id}/contacts": {
    get: operation(warningContacts, "get", { tags: ["warnings"], summary: "The warning's fraud contacts with the number of other warnings and cases of the caller's jurisdiction sharing each", path: ["id"], responses: { 200: items(counted), ...errors } }),
  },
  "/fraud-contacts": {
    get: operation(listClusters, "get", {
      tags: ["cases"], summary: "Fraud contacts shared by at least minRecords (default 2) warnings and cases of the caller's jurisdiction in the period (default the last 90 days), most records first, at most 200",
      responses: { 200: items({ type: "object", properties: { id: uuid, kind, display: { type: "string" }, warnings: { type: "integer" }, cases: { type: "integer" }, records: { type: "integer", description: "records in the period" }, totalRecords: { type: "integer", description: "records of every day, in the same units" }, lastAt: { type: ["string", "null"], format: "date-time" } } }), ...errors },
    }),
  },
  "/fraud-contacts/{id}": {
    get: operation(showCluster, "get", { tags: ["cases"], summary: "One contact's cluster: the warnings and cases of the jurisdiction carrying it (at most 1,000) and the contacts they carry", path: ["id"], responses: { 200: json({ type: "object" }), ...errors } }),
  },
};
