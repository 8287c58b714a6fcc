import "server-only";
import { type LoadEnv, loadEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import { hookServerRequests } from "@/lib/http/request-hook";

// Graceful drain on SIGTERM (issue 18, item 1): the instance first says it is going (the health
// check answers 503, so HAProxy takes it out of rotation), keeps serving what still arrives for
// DRAIN_GRACE_MS (longer than HAProxy needs to notice), then waits for the requests in flight to
// finish (live streams excepted: their clients reconnect elsewhere) and exits. Installed by
// instrumentation.ts when Next leaves the signals to the app (NEXT_MANUAL_SIG_HANDLE=1, as
// `npm run cluster` sets it); otherwise Next's own handler stops the process at once.

type DrainState = { draining: boolean; inFlight: number };
const KEY = Symbol.for("fanzha.drain");
const store = globalThis as { [KEY]?: DrainState };

/** Whether this instance is draining (its health check then answers 503). */
export const isDraining = (): boolean => store[KEY]?.draining ?? false;

const isStream = (url: string | undefined) => /\/stream(\?|$)/.test(url ?? "");

export type DrainOptions = { graceMs: number; maxMs: number; exit?: (code: number) => void };

export function drainOptionsFromEnv(e: LoadEnv = loadEnv()): DrainOptions {
  return { graceMs: e.DRAIN_GRACE_MS ?? 3_000, maxMs: e.DRAIN_MAX_MS ?? 25_000 };
}

/** Counts the requests in flight on every HTTP(S) server of the process; idempotent. */
function installCounter(state: DrainState) {
  hookServerRequests((req, res, next) => {
    if (!isStream(req.url)) {
      state.inFlight++;
      let done = false;
      const leave = () => {
        if (done) return;
        done = true;
        state.inFlight--;
      };
      res.once("finish", leave);
      res.once("close", leave);
      // While draining, keep-alive connections are closed after their answer.
      if (state.draining) res.setHeader("Connection", "close");
    }
    next();
  });
}

/** Drains, then exits (see above). Resolves once the requests in flight are done or maxMs passed. */
export async function drain(options: DrainOptions): Promise<void> {
  const state = store[KEY];
  if (!state || state.draining) return;
  state.draining = true;
  const started = Date.now();
  logger.info("drain.start", { inFlight: state.inFlight, graceMs: options.graceMs });
  await new Promise((r) => setTimeout(r, options.graceMs));
  while (state.inFlight > 0 && Date.now() - started < options.maxMs) await new Promise((r) => setTimeout(r, 50));
  logger.info("drain.done", { inFlight: state.inFlight, ms: Date.now() - started });
}

/** Installs the counter and the SIGTERM/SIGINT handler; idempotent. */
export function installDrain(options: DrainOptions): void {
  if (store[KEY]) return;
  const state: DrainState = { draining: false, inFlight: 0 };
  store[KEY] = state;
  installCounter(state);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const onSignal = () => void drain(options).then(() => exit(0));
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
