import "server-only";
import http from "node:http";
import { isDatabaseUnavailable } from "@/lib/errors";
import { hookServerRequests } from "@/lib/http/request-hook";

// A page whose render failed because the database is unavailable (down, restarting, failing over,
// its pool out of connections) is answered like the API answers then: 503 with Retry-After, not
// Next's 500. Next gives a failed render's error to instrumentation's onRequestError with the
// request's headers, never the response; this hook, installed once per process (instrumentation.ts),
// marks each page request with an id, onRequestError notes the ids whose error was the database's,
// and the response's status is rewritten as its head is written. A page already streaming (its
// shell sent with 200 before a Suspense boundary failed) keeps its status: its error boundary says so.

const REQUEST_ID_HEADER = "x-fanzha-page-request";
/** Seconds a client is asked to wait, as the API's UNAVAILABLE answer (lib/http/route.ts). */
const RETRY_AFTER_S = 5;

type Hook = { next: number; unavailable: Set<string> };
const KEY = Symbol.for("fanzha.unavailable-pages");
const store = globalThis as { [KEY]?: Hook };

/** onRequestError's part: the request failed because of the database (only a marked page request counts). */
export function noteRequestError(error: unknown, headers: NodeJS.Dict<string | string[]>): void {
  const id = headers[REQUEST_ID_HEADER];
  if (typeof id === "string" && isDatabaseUnavailable(error)) store[KEY]?.unavailable.add(id);
}

/** Marks one request (a page: not the API, which answers 503 itself) and watches its status. */
export function watchPage(hook: Hook, req: http.IncomingMessage, res: http.ServerResponse): void {
  delete req.headers[REQUEST_ID_HEADER]; // only this hook names requests
  if ((req.url ?? "").startsWith("/api/")) return;
  const id = String(++hook.next);
  req.headers[REQUEST_ID_HEADER] = id;
  const writeHead = res.writeHead as (this: http.ServerResponse, status: number, ...rest: unknown[]) => http.ServerResponse;
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    if (status !== 500 || !hook.unavailable.delete(id)) return writeHead.call(this, status, ...rest);
    this.setHeader("Retry-After", String(RETRY_AFTER_S));
    this.setHeader("Retry-After-Ms", String(RETRY_AFTER_S * 1000));
    this.setHeader("Cache-Control", "no-store");
    // Drop a status message written for the 500 ("Internal Server Error").
    return writeHead.call(this, 503, ...(typeof rest[0] === "string" ? rest.slice(1) : rest));
  } as typeof res.writeHead;
  res.once("close", () => hook.unavailable.delete(id));
}

/** Installs the hook on every HTTP(S) server of the process; idempotent. */
export function installUnavailablePages(): void {
  if (store[KEY]) return;
  const hook: Hook = { next: 0, unavailable: new Set() };
  hookServerRequests((req, res, next) => {
    watchPage(hook, req, res);
    next();
  });
  store[KEY] = hook;
}
