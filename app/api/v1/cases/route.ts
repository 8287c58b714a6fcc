import { apiRoute } from "@/lib/http/route";
import { createCase } from "@/lib/cases/create-case";
import { listCases } from "@/lib/cases/queries";

export const dynamic = "force-dynamic";

/** Cases of the caller's jurisdiction, newest report first, filtered by the query string. */
export const GET = apiRoute({ permission: "cases:read" }, async ({ actor, query }) => {
  const { items, total, page, pageSize } = await listCases(actor, Object.fromEntries(query));
  return { items, total, page, pageSize };
});

/** Intake of a direct report by the caller's own unit; an Idempotency-Key header makes a retry safe. */
export const POST = apiRoute({ permission: "cases:write" }, async ({ actor, body, req }) => {
  const { replayed, ...created } = await createCase(actor, body, req.headers.get("idempotency-key"));
  return Response.json(created, { status: replayed ? 200 : 201, headers: replayed ? { "Idempotent-Replayed": "true" } : {} });
});
