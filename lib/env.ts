// The only place that reads process.env. Parsed once, on first use (not at import: `next build`
// imports modules without the runtime environment).
import type { BlockList } from "node:net";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/auth/client-ip";

const envSchema = z.object({
  DATABASE_URL: z.string().url(),
  /** "demo": demo dataset and accounts allowed; "production": refused. Unset means production. */
  APP_MODE: z.enum(["demo", "production"]).default("production"),
  AUTH_SECRET: z.string().optional(),
  /** Public base URL; https:// turns on Secure cookies and HSTS. */
  NEXTAUTH_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * Reverse proxies whose X-Forwarded-For hop is believed (comma-separated IPs or CIDR ranges);
   * unset: the client IP is the socket's peer (lib/auth/client-ip.ts).
   */
  TRUSTED_PROXIES: z.string().optional(),
});

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  const secret = e.AUTH_SECRET ?? "";
  if (Buffer.byteLength(secret) < 32) {
    // No fallback secret, in any mode: the start script generates one for demo installs.
    throw new Error("AUTH_SECRET must be set to at least 32 bytes");
  }
  // A bad range stops the start (instrumentation.ts) rather than every request.
  parseTrustedProxies(e.TRUSTED_PROXIES);
  cached = { ...e, AUTH_SECRET: secret };
  return cached;
}

export const isDemoMode = () => env().APP_MODE === "demo";
export const isHttps = () => env().NEXTAUTH_URL?.startsWith("https://") ?? false;

let trusted: { spec: string | undefined; list: BlockList | null } | undefined;
/** The parsed TRUSTED_PROXIES, or null when none is configured. */
export function trustedProxies(): BlockList | null {
  const spec = env().TRUSTED_PROXIES;
  if (!trusted || trusted.spec !== spec) trusted = { spec, list: parseTrustedProxies(spec) };
  return trusted.list;
}
