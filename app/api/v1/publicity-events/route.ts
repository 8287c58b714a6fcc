import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation/parse";
import { insertEvent, listEventsPage } from "@/lib/publicity/events";
import { idempotent } from "@/lib/http/idempotency";
import { eventsApiQuerySchema } from "@/lib/publicity/schemas";

export const dynamic = "force-dynamic";

/** Publicity events of the caller's jurisdiction, newest first, cursor-paginated. */
export const GET = apiRoute({ permission: "publicity:read" }, async ({ actor, query }) => {
  const q = parseInput(eventsApiQuerySchema, Object.fromEntries(query));
  return listEventsPage(actor, q);
});

/** Logs one event; the unit defaults to the caller's own. An Idempotency-Key makes replays safe. */
export const POST = apiRoute({ permission: "publicity:write" }, async ({ req, actor, body }) => {
  const result = await idempotent(actor, "publicity-event", req.headers.get("idempotency-key"), body, (tx) => insertEvent(tx, actor, body));
  return Response.json(result.data, { status: 201, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
});
