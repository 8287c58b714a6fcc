import "server-only";
import type http from "node:http";
import { hookServerRequests } from "@/lib/http/request-hook";

// Whether a request is the user's doing, and so keeps their session from idling out (SECURITY.md
// A5). A page's Server Component fetch is not: the router makes it by itself, for a live re-render
// (router.refresh) or a prefetch, and a click that navigates is told by the page's activity signal
// (components/auth/activity-signal.tsx). A server action is. Next hides its router's headers
// (`RSC`, `Next-Router-Prefetch`) from the proxy and the page, so a hook on the server's requests,
// which sees them, says it in a header of its own, never the caller's.

export const PAGE_FETCH_HEADER = "x-fanzha-page-fetch";

/** Marks a page's Server Component fetch that is not a server action; drops a caller's mark. */
export function markPageFetch(req: Pick<http.IncomingMessage, "headers">): void {
  const h = req.headers;
  delete h[PAGE_FETCH_HEADER];
  if (h.rsc === "1" && h["next-action"] === undefined) h[PAGE_FETCH_HEADER] = "1";
}

/** For the page's guard: whether the request counts as the user's activity. */
export const usersDoing = (h: { get(name: string): string | null }): boolean => h.get(PAGE_FETCH_HEADER) !== "1";

const KEY = Symbol.for("fanzha.page-fetch");
const store = globalThis as { [KEY]?: true };

/** Installs the mark on every HTTP(S) server of the process; idempotent. */
export function installPageFetchMark(): void {
  if (store[KEY]) return;
  hookServerRequests((req, _res, next) => {
    markPageFetch(req);
    next();
  });
  store[KEY] = true;
}
