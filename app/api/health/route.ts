import { admissionGate } from "@/lib/http/admission";
import { isDraining, pingDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * Liveness plus a database round trip: 200 when both answer, 503 when the database does not, and
 * 503 while the instance drains before it stops (HAProxy then takes it out of rotation). Says
 * where the admission gate's limit stands (no personal data; what an operator reads beside HAProxy's page).
 */
export async function GET() {
  if (isDraining()) return Response.json({ status: "draining" }, { status: 503, headers: { Connection: "close" } });
  const started = performance.now();
  try {
    await pingDatabase();
    const gate = admissionGate()?.stats;
    const admission = gate && { limit: gate.limit, inFlight: gate.inFlight, queued: gate.queued, cuts: gate.cuts, readBaseMs: gate.readBaseMs };
    return Response.json({ status: "ok", database: "ok", latencyMs: Math.round(performance.now() - started), admission });
  } catch {
    return Response.json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}
