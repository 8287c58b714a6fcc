// The only place that reads process.env. Parsed once, on first use (not at import: `next build`
// imports modules without the runtime environment).
import "server-only";
import { z } from "zod";

const baseSchema = z.object({
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
  /** The fraud-type surge rule (lib/profiles/surge.ts): z, minimum count, baseline weeks. */
  SURGE_Z: z.coerce.number().positive().max(10).optional(),
  SURGE_MIN_COUNT: z.coerce.number().int().min(1).optional(),
  SURGE_BASELINE_WEEKS: z.coerce.number().int().min(2).max(26).optional(),
  /**
   * A direct connection to the primary, for what needs a session of its own (LISTEN, graphile-worker)
   * when DATABASE_URL goes through a transaction pooler (PgBouncer); unset: DATABASE_URL.
   */
  DIRECT_DATABASE_URL: z.string().url().optional(),
});

/**
 * The knobs of one instance under load, validated with the rest at start-up and read on each call
 * through loadEnv() (tests and the cluster's instances set them per process). Unset: the default
 * of the module that uses it.
 */
const loadSchema = z.object({
  /** lib/http/admission.ts: requests served at once; 0 turns the gate off. */
  ADMISSION_CONCURRENCY: z.coerce.number().int().min(0).optional(),
  /** lib/http/admission.ts: the service time a read should keep (the limit is cut past it); 0 keeps the limit fixed. */
  ADMISSION_READ_TARGET_MS: z.coerce.number().int().min(0).optional(),
  /** lib/http/drain.ts: how long a stopping instance fails its health check before it closes, and its limit. */
  DRAIN_GRACE_MS: z.coerce.number().int().min(0).optional(),
  DRAIN_MAX_MS: z.coerce.number().int().positive().optional(),
  /** lib/warnings/ingest.ts: the ingestion transaction's statement timeout and its wait for the lock. */
  INGEST_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  INGEST_LOCK_WAIT_MS: z.coerce.number().int().positive().optional(),
  /** lib/db.ts, readFromReplica: the standby for the leaders' statistics and exports, and how far behind it may be. */
  REPLICA_DATABASE_URL: z.string().url().optional(),
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).optional(),
});

const envSchema = baseSchema.extend(loadSchema.shape);

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string };

let cached: Env | undefined;

function parseEnv<S extends z.ZodType>(schema: S): z.infer<S> {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

export function env(): Env {
  if (cached) return cached;
  const e = parseEnv(envSchema);
  const secret = e.AUTH_SECRET ?? "";
  if (Buffer.byteLength(secret) < 32) {
    // No fallback secret, in any mode: the start script generates one for demo installs.
    throw new Error("AUTH_SECRET must be set to at least 32 bytes");
  }
  cached = { ...e, AUTH_SECRET: secret };
  return cached;
}

/**
 * The URL for a connection that needs a session of its own (LISTEN, graphile-worker's LISTEN and
 * session locks): DIRECT_DATABASE_URL when DATABASE_URL goes through a transaction pooler.
 */
export const directDatabaseUrl = (): string => env().DIRECT_DATABASE_URL ?? env().DATABASE_URL;

export const isDemoMode = () => env().APP_MODE === "demo";
export const isHttps = () => env().NEXTAUTH_URL?.startsWith("https://") ?? false;

/** The default ceiling of any one amount entered (yuan): ¥1 亿. */
export const DEFAULT_AMOUNT_CEILING_YUAN = 100_000_000;

/**
 * The largest single amount (a loss, an amount at risk or protected, a recovery) the platform takes,
 * `AMOUNT_CEILING_YUAN`; read on its own so the field schemas need no database or secret.
 */
export function amountCeilingYuan(): number {
  const v = Number(process.env.AMOUNT_CEILING_YUAN);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_AMOUNT_CEILING_YUAN;
}

/**
 * The addresses a big-screen (WALL) account may sign in and be used from, `WALL_ALLOWED_ADDRESSES`
 * (IPs or CIDR ranges, comma-separated; unset: the loopback only, lib/auth/wall-access.ts). Read
 * on each call, so a kiosk's address can change without a restart.
 */
export const wallAllowedAddresses = (): string | undefined => process.env.WALL_ALLOWED_ADDRESSES;

/**
 * The outbound gateway's settings (lib/outbound/config.ts): GATEWAY_URL, GATEWAY_SECRET,
 * OUTBOUND_CALLBACK_URL, OUTBOUND_RATE_PER_SECOND, OUTBOUND_MAX_ATTEMPTS, OUTBOUND_RETRY_BASE_MS,
 * OUTBOUND_CONCURRENCY, UPSTREAM_FEEDBACK_URL, FEEDBACK_DEADLINE_MINUTES (and the database URLs the worker connects with). Read on each call: `npm start` sets them for its simulator.
 */
export function outboundEnv(): Record<string, string | undefined> {
  const keys = ["GATEWAY_URL", "GATEWAY_SECRET", "OUTBOUND_CALLBACK_URL", "OUTBOUND_RATE_PER_SECOND", "OUTBOUND_MAX_ATTEMPTS", "OUTBOUND_RETRY_BASE_MS", "OUTBOUND_CONCURRENCY", "NEXTAUTH_URL", "PORT", "DATABASE_URL",
    "DIRECT_DATABASE_URL", "UPSTREAM_FEEDBACK_URL", "FEEDBACK_DEADLINE_MINUTES"];
  return Object.fromEntries(keys.map((k) => [k, process.env[k]]));
}

export type LoadEnv = z.infer<typeof loadSchema>;

/** The knobs of one instance under load (loadSchema), parsed from the environment on each call. */
export const loadEnv = (): LoadEnv => parseEnv(loadSchema);
