import "server-only";
import { randomUUID } from "node:crypto";
import type { BlockList } from "node:net";
import { clientIpFromChain, trustedProxies } from "@/lib/auth/client-ip";
import { PEER_MARK_HEADER, socketPeerMark } from "@/lib/http/socket-peer";
import { usersDoing } from "@/lib/http/page-fetch";

export type RequestInfo = { ip: string | null; userAgent: string | null; requestId: string };
type HeaderSource = { get(name: string): string | null };

/**
 * Client address, user agent and request id. The address is the socket's peer, or a hop further
 * left only as far as TRUSTED_PROXIES vouch for it (lib/auth/client-ip.ts); a chain that did not
 * go through this process's socket hook (lib/http/socket-peer.ts) gives no address at all.
 */
export function requestInfoFrom(
  h: HeaderSource,
  { mark = socketPeerMark(), trusted }: { mark?: string | null; trusted?: BlockList | null } = {},
): RequestInfo {
  const chain = h.get("x-forwarded-for");
  const stamped = !!mark && !!chain && h.get(PEER_MARK_HEADER) === mark;
  return {
    ip: stamped ? clientIpFromChain(chain, trusted === undefined ? trustedProxies() : trusted) : null,
    userAgent: h.get("user-agent")?.slice(0, 256) ?? null,
    requestId: h.get("x-request-id")?.slice(0, 64) || randomUUID(),
  };
}

/** The same, from a plain header record (NextAuth hands its callbacks one). */
export function requestInfoFromRecord(h: Record<string, string | string[] | undefined> | undefined): RequestInfo {
  return requestInfoFrom({
    get: (name) => {
      const v = h?.[name];
      return (Array.isArray(v) ? v.join(", ") : v) ?? null;
    },
  });
}

/** The current request's, and whether it is the user's doing (lib/http/page-fetch.ts). next/headers is loaded on first use: the sign-in handler needs none of it. */
export async function currentRequest(): Promise<RequestInfo & { usersDoing: boolean }> {
  const { headers } = await import("next/headers");
  const h = await headers();
  return { ...requestInfoFrom(h), usersDoing: usersDoing(h) };
}
