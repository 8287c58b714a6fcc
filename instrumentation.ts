// Runs once when a server instance starts: a bad environment (no DATABASE_URL, an AUTH_SECRET
// shorter than 32 bytes) stops the server here instead of failing on the first request; then
// the periodic jobs (SLA escalation, freeze expiry) start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
  const { startScheduler } = await import("@/lib/scheduler/start");
  startScheduler();
}
