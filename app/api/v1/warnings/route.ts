import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { listWarnings } from "@/lib/warnings/queries";

/** 5,000 warnings of ~1 KB each, with room to spare; larger bodies get 413. */
const BODY_LIMIT = 8 * 1024 * 1024;

export const POST = apiRoute({ permission: "warnings:ingest", bodyLimit: BODY_LIMIT, checksTextPerItem: true }, async ({ actor, body }) => {
  if (body === null || typeof body !== "object") {
    throw new AppError("VALIDATION", "the body must be a warning object or an array of them", [{ path: "", code: "invalid_type", message: "object or array expected" }]);
  }
  const items = Array.isArray(body) ? body : [body];
  const results = await ingestWarnings(actor, items);
  const count = (s: string) => results.filter((r) => r.status === s).length;
  return { results, summary: { created: count("created"), repeat: count("repeat"), duplicate: count("duplicate"), rejected: count("rejected") } };
});

export const GET = apiRoute({ permission: "warnings:read" }, async ({ actor, query }) => listWarnings(actor, Object.fromEntries(query)));
