import { commandRoute } from "@/lib/http/route";
import { createCase } from "@/lib/cases/create-case";
import { listCases } from "@/lib/cases/queries";

export const dynamic = "force-dynamic";

/** Cases of the caller's jurisdiction, newest report first, filtered by the query string. */
export const GET = commandRoute(listCases, { respond: ({ items, total, page, pageSize }) => ({ items, total, page, pageSize }) });

/** Intake of a direct report by the caller's own unit; an Idempotency-Key header makes a retry safe. */
export const POST = commandRoute(createCase, { status: 201 });
