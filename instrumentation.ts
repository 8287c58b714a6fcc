// Runs once when a server instance starts: the socket hook that gives the app the client's real
// address goes in first (lib/http/socket-peer.ts), then the hook that answers a page the database
// failed with 503 instead of 500 (lib/http/unavailable-pages.ts, fed by onRequestError below), the mark of the router's own page
// fetches (lib/http/page-fetch.ts), the admission gate (lib/http/admission.ts)
// and, under `npm run cluster`, the graceful drain (lib/http/drain.ts); a bad environment (no DATABASE_URL, an
// AUTH_SECRET shorter than 32 bytes, a malformed TRUSTED_PROXIES or WALL_ALLOWED_ADDRESSES) stops the server here instead of
// failing on the first request; then the periodic jobs (SLA escalation, freeze expiry) start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installSocketPeerHook } = await import("@/lib/http/socket-peer");
  installSocketPeerHook();
  // A page that failed for want of the database: 503 + Retry-After, as the API answers.
  const { installUnavailablePages } = await import("@/lib/http/unavailable-pages");
  installUnavailablePages();
  // Which page requests are the router's own (live re-renders, prefetches): they keep no session alive.
  const { installPageFetchMark } = await import("@/lib/http/page-fetch");
  installPageFetchMark();
  // Priorities under overload: intake and writes first, statistics, exports and lists shed first.
  const { admissionOptionsFromEnv, installAdmissionGate } = await import("@/lib/http/admission");
  const admission = admissionOptionsFromEnv();
  if (admission) installAdmissionGate(admission);
  // Graceful drain on SIGTERM when Next leaves the signals to the app (`npm run cluster`).
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { drainOptionsFromEnv, installDrain } = await import("@/lib/http/drain");
    installDrain(drainOptionsFromEnv());
  }
  const { env } = await import("@/lib/env");
  env();
  const { trustedProxies } = await import("@/lib/auth/client-ip");
  trustedProxies();
  const { wallAllowedList } = await import("@/lib/auth/wall-access");
  wallAllowedList();
  const { startScheduler } = await import("@/lib/scheduler/start");
  startScheduler();
  // The outbox's worker (SMS, 闪信, robot calls), when a gateway is configured.
  const { startAppOutboundWorker } = await import("@/lib/outbound/worker");
  startAppOutboundWorker();
}

/** Next's account of a request that failed on the server: the database's failures make a page's 503. */
export async function onRequestError(error: unknown, request: { headers: NodeJS.Dict<string | string[]> }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteRequestError } = await import("@/lib/http/unavailable-pages");
  noteRequestError(error, request.headers);
}
