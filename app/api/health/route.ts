import { isDraining, pingDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * Liveness plus a database round trip: 200 when both answer, 503 when the database does not, and
 * 503 while the instance drains before it stops (HAProxy then takes it out of rotation).
 */
export async function GET() {
  if (isDraining()) return Response.json({ status: "draining" }, { status: 503, headers: { Connection: "close" } });
  const started = performance.now();
  try {
    await pingDatabase();
    return Response.json({ status: "ok", database: "ok", latencyMs: Math.round(performance.now() - started) });
  } catch {
    return Response.json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}
