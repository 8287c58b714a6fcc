import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { decideTransfer, listTransfersCommand, proposeTransfer } from "@/lib/warnings/transfers";

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const decided = json({
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" }, warningId: { type: "string", format: "uuid" },
    status: { enum: ["PROPOSED", "ACCEPTED", "RETURNED", "CANCELLED"] }, version: { type: "integer", description: "the transfer's new version" },
    warningVersion: { type: "integer", description: "the warning's new version, when it changed" },
  },
});

/** 移交审核: a warning offered to another unit of the city (or out of it), accepted or returned by that unit. */
export const transferPaths: Record<string, PathItem> = {
  "/warnings/{id}/transfers": {
    post: operation(proposeTransfer, "post", {
      tags: ["warnings"],
      summary: "移交: offer the warning to another precinct or branch of the city (toUnitCode), or out of the city (destination); a reason is required",
      description:
        "The caller's unit must hold the warning; `version` is the warning's (stale → 409). One open transfer per warning (409 `open_transfer`). " +
        "An external transfer is reviewed by the city's 反诈中心: a precinct's or branch's waits for the centre to accept it, the centre's own is final at once; " +
        "accepted, it resolves the warning as TRANSFERRED_OUT with the destination recorded. The receiving unit's officers and dispatchers are notified.",
      path: ["id"],
      responses: { 201: decided, ...errors },
    }),
  },
  "/transfers/{id}/decisions": {
    post: operation(decideTransfer, "post", {
      tags: ["warnings"],
      summary: "ACCEPT (the warning moves to the receiving unit, its SLA ladder starting now) or RETURN with a reason — the receiving unit only; CANCEL — the proposer only, while open",
      description: "`version` is the transfer's (stale → 409). Units on neither side get 404. The proposer is notified of an acceptance or a return.",
      path: ["id"],
      responses: { 200: decided, ...errors },
    }),
  },
  "/transfers": {
    get: operation(listTransfersCommand, "get", {
      tags: ["warnings"],
      summary: "Transfers to (incoming) or from (outgoing) the units the caller works, newest first; victim data masked",
      responses: { 200: json({ type: "object", properties: { items: { type: "array", items: { type: "object" } } } }), ...errors },
    }),
  },
};
