import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { decideAppeal, registerAppeal, takeAppealForReview, withdrawAppeal } from "@/lib/appeals/commands";
import { getAppeal, listAppeals } from "@/lib/appeals/queries";
import { APPEAL_STATUSES } from "@/lib/appeals/schemas";

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };
const day = { type: "string", format: "date", description: "calendar day in China (Asia/Shanghai), YYYY-MM-DD" };
const nullable = (type: string) => ({ type: [type, "null"] });

const appeal = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" }, status: { type: "string", enum: APPEAL_STATUSES },
    appellantName: { type: "string", description: "masked" }, appellantPhone: { ...nullable("string"), description: "masked" },
    appellantIdNumber: { ...nullable("string"), description: "masked" }, grounds: { type: "string" }, evidence: { type: "array", items: { type: "string" } },
    receivedOn: day, deadlineOn: { ...day, description: "receipt + the configured number of working days (Mon–Fri)" },
    flag: { type: ["string", "null"], enum: ["overdue", "dueSoon", null], description: "open appeals only: past the deadline, or ≤ 3 working days left" },
    workingDaysLeft: nullable("integer"), registeredBy: { type: "string" }, reviewer: nullable("string"), decisionReason: nullable("string"),
    decidedAt: { type: ["string", "null"], format: "date-time" }, version: { type: "integer" }, registeredByMe: { type: "boolean" }, reviewingByMe: { type: "boolean" },
    measure: {
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" }, kind: { type: "string" }, person: { type: "string", description: "masked" }, startsOn: day,
        endsOn: nullable("string"), revokedOn: nullable("string"), unitCode: { type: "string" }, unitName: { type: "string" },
      },
    },
  },
};
const step = json({ type: "object", properties: { id: { type: "string", format: "uuid" }, version: { type: "integer" } } });

/** Appeals (申诉) against art. 31/38 measures. */
export const appealPaths: Record<string, PathItem> = {
  "/appeals": {
    get: operation(listAppeals, "get", {
      tags: ["appeals"],
      summary: "Appeals against measures of the caller's jurisdiction (masked), open ones first by deadline; `unit` includes its subordinate units; 50 a page",
      responses: {
        200: json({
          type: "object",
          properties: {
            items: { type: "array", items: appeal }, total: { type: "integer" }, page: { type: "integer" }, pageCount: { type: "integer" },
            counts: { type: "object", properties: { open: { type: "integer" }, dueSoon: { type: "integer" }, overdue: { type: "integer" } } },
          },
        }),
        ...errors,
      },
    }),
    post: operation(registerAppeal, "post", {
      tags: ["appeals"],
      summary: "Register an appeal against the measure `measureId` (in the caller's jurisdiction, not revoked, no other open appeal); `evidence` is a list of descriptions",
      parameters: [{
        name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", pattern: "^[A-Za-z0-9_.:-]{8,100}$" },
        description: "a replay with the same key and body answers the first response and creates nothing",
      }],
      fields: { receivedOn: day },
      responses: { 201: json({ type: "object", properties: { id: { type: "string", format: "uuid" }, deadlineOn: day, version: { type: "integer" } } }, "created"), ...errors },
    }),
  },
  "/appeals/{id}": {
    get: operation(getAppeal, "get", { tags: ["appeals"], summary: "One appeal, masked (404 outside the caller's jurisdiction)", path: ["id"], responses: { 200: json(appeal), ...errors } }),
  },
  "/appeals/{id}/review": {
    post: operation(takeAppealForReview, "post", {
      tags: ["appeals"], summary: "Take a received appeal for review; 403 `two_person_rule` for whoever registered it", path: ["id"], responses: { 200: step, ...errors },
    }),
  },
  "/appeals/{id}/decision": {
    post: operation(decideAppeal, "post", {
      tags: ["appeals"],
      summary: "Decide an open appeal: UPHELD (the measure stands) or REVOKED (the measure ends the decision day); 403 `two_person_rule` for whoever registered it; 409 on a stale version",
      path: ["id"], responses: { 200: json({ type: "object", properties: { id: { type: "string" }, status: { type: "string" }, version: { type: "integer" } } }), ...errors },
    }),
  },
  "/appeals/{id}/withdrawal": {
    post: operation(withdrawAppeal, "post", { tags: ["appeals"], summary: "Record that the appellant withdrew an open appeal", path: ["id"], responses: { 200: step, ...errors } }),
  },
};
