import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { getEvent } from "@/lib/publicity/events";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().uuid("invalid_id") }).strict();

/** One event; outside the caller's jurisdiction it does not exist (404). */
export const GET = apiRoute({ permission: "publicity:read", params }, async ({ actor, params }) => getEvent(actor, params.id));
