import "server-only";
import { outboundEnv } from "@/lib/env";

/** Where the gateway is and how to sign for it; null while outbound delivery is not configured. */
export type OutboundConfig = {
  gatewayUrl: string;
  /** Where feedback on national and provincial warnings goes (POST <url>/v1/feedback), signed like the gateway's requests; default the gateway. */
  upstreamUrl?: string;
  secret: string;
  callbackUrl: string;
  /** Messages per second per channel, across all instances. */
  ratePerSecond: number;
  maxAttempts: number;
  /** First retry after this; each next one waits twice as long (at most 5 minutes). */
  retryBaseMs: number;
  concurrency: number;
};

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);

export function outboundConfig(env: Record<string, string | undefined> = outboundEnv()): OutboundConfig | null {
  const gatewayUrl = env.GATEWAY_URL;
  const secret = env.GATEWAY_SECRET;
  if (!gatewayUrl || !secret) return null;
  if (Buffer.byteLength(secret) < 32) throw new Error("GATEWAY_SECRET must be at least 32 bytes");
  const base = env.OUTBOUND_CALLBACK_URL ?? `${env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? 3000}`}`;
  return {
    gatewayUrl, secret, upstreamUrl: env.UPSTREAM_FEEDBACK_URL ?? gatewayUrl,
    callbackUrl: base.endsWith("/receipts") ? base : `${base.replace(/\/$/, "")}/api/v1/gateway/receipts`,
    ratePerSecond: num(env.OUTBOUND_RATE_PER_SECOND, 50),
    maxAttempts: num(env.OUTBOUND_MAX_ATTEMPTS, 8),
    retryBaseMs: num(env.OUTBOUND_RETRY_BASE_MS, 2_000),
    concurrency: num(env.OUTBOUND_CONCURRENCY, 4),
  };
}

export const backoffMs = (cfg: OutboundConfig, attempts: number) =>
  Math.min(cfg.retryBaseMs * 2 ** Math.max(attempts - 1, 0), 300_000) * (0.8 + Math.random() * 0.4);
