import "server-only";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { hookServerRequests } from "@/lib/http/request-hook";

// `next start` gives route handlers and server actions the request's headers, never its socket,
// and it writes the peer's address into X-Forwarded-For only when the caller sent none — so a
// caller could name any address. This hook, installed once per process before requests are served
// (instrumentation.ts), does what a reverse proxy does: it appends the socket's peer to
// X-Forwarded-For as the last hop, and marks the request with a per-process secret so the app can
// tell a chain that went through the hook from one that did not (a request taken while the server
// was still starting). lib/auth/request-info.ts reads the chain; lib/auth/client-ip.ts walks it.

export const PEER_MARK_HEADER = "x-fanzha-peer";

type Hooked = { token: string };
const KEY = Symbol.for("fanzha.socket-peer");
const store = globalThis as { [KEY]?: Hooked };

/** The mark of this process's hook, or null when it is not installed (tests, scripts). */
export const socketPeerMark = (): string | null => store[KEY]?.token ?? null;

/** Rewrites one incoming request's headers as described above. */
export function stampPeer(req: http.IncomingMessage, token: string): void {
  if (req.headers[PEER_MARK_HEADER] === token) return;
  const peer = req.socket?.remoteAddress ?? "";
  const sent = req.headers["x-forwarded-for"];
  const chain = Array.isArray(sent) ? sent.join(", ") : sent;
  req.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
  req.headers[PEER_MARK_HEADER] = token;
}

/** Installs the hook on every HTTP(S) server of the process; idempotent. Returns the mark. */
export function installSocketPeerHook(): string {
  const installed = store[KEY];
  if (installed) return installed.token;
  const token = randomBytes(18).toString("base64url");
  hookServerRequests((req, _res, next) => {
    stampPeer(req, token);
    next();
  });
  store[KEY] = { token };
  return token;
}
