import { headers } from "next/headers";
import { randomUUID } from "node:crypto";

export type RequestInfo = { ip: string | null; userAgent: string | null; requestId: string };

/** Client address and request id, from the headers the proxy and the load balancer set. */
export function requestInfoFrom(h: { get(name: string): string | null }): RequestInfo {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: (forwarded || h.get("x-real-ip") || null)?.slice(0, 64) ?? null,
    userAgent: h.get("user-agent"),
    requestId: h.get("x-request-id")?.slice(0, 64) || randomUUID(),
  };
}

export async function requestInfo(): Promise<RequestInfo> {
  return requestInfoFrom(await headers());
}
