import { commandRoute } from "@/lib/http/route";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { listWarnings } from "@/lib/warnings/queries";

/** 5,000 warnings of ~1 KB each, with room to spare; larger bodies get 413. */
const BODY_LIMIT = 8 * 1024 * 1024;

export const POST = commandRoute(ingestWarnings, {
  bodyLimit: BODY_LIMIT,
  checksTextPerItem: true,
  // One warning or an array of them; anything else is refused by the schema (an array expected).
  input: ({ body }) => (body !== null && typeof body === "object" && !Array.isArray(body) ? [body] : body),
  respond: (results) => {
    const count = (s: string) => results.filter((r) => r.status === s).length;
    return { results, summary: { created: count("created"), repeat: count("repeat"), duplicate: count("duplicate"), rejected: count("rejected") } };
  },
});

export const GET = commandRoute(listWarnings);
