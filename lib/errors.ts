// Typed application errors. Every error the domain raises has a code; the code decides the HTTP
// status and the message key the UI shows. Anything else is a bug: logged, answered generically.

export const ERROR_STATUS = {
  VALIDATION: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  /** An idempotency key replayed with another request (SECURITY.md G35), as payment APIs answer it. */
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldIssue = { path: string; code: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "record") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = () => new AppError("FORBIDDEN", "not allowed");
/** The answer to an idempotency key sent again with a different request: the new data is not dropped silently. */
export const idempotencyKeyReused = (path: string) =>
  new AppError("IDEMPOTENCY_KEY_REUSED", "this idempotency key was used with a different request; make a new key for a new request", [
    { path, code: "idempotency_key_reused", message: "make a new key for a new request" },
  ]);
export const versionConflict = () =>
  new AppError("VERSION_CONFLICT", "the record was changed by someone else; reload and try again");

/** Prisma error codes for a database that cannot be reached, dropped the connection or timed out. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** Driver error kinds (Prisma's pg adapter) and SQLSTATEs for the same: connection exceptions (08),
 * shutdown / crash / starting up (57P01–57P03), too many connections (53300). */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123]$|53300$)/;
// The last: pg's answer to a query on a pooled connection whose server went away (PgBouncer's,
// when the primary behind it dies).
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|write EPIPE|Client has encountered a connection error and is not queryable)/;

type DriverCause = { kind?: unknown; originalCode?: unknown };

/**
 * The pg adapter's account of a failed query: the error's `cause`, or for a raw query (Prisma's
 * P2010, whatever went wrong) `meta.driverAdapterError.cause`.
 */
export function driverCause(e: unknown): DriverCause | undefined {
  const err = e as { cause?: DriverCause; meta?: { driverAdapterError?: { cause?: DriverCause } } } | null;
  return err?.cause ?? err?.meta?.driverAdapterError?.cause;
}

/** Whether an error means the database is down or restarting (SECURITY.md F24): worth a retry. */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (typeof err?.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(err.code) || ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"].includes(err.code))) return true;
  const cause = driverCause(e);
  if (UNAVAILABLE_KINDS.has(String(cause?.kind)) || UNAVAILABLE_SQLSTATE.test(String(cause?.originalCode ?? ""))) return true;
  // The driver's own errors (sqlTransaction) carry the SQLSTATE as their code.
  if (UNAVAILABLE_SQLSTATE.test(String(err?.code ?? ""))) return true;
  return typeof err?.message === "string" && UNAVAILABLE_MESSAGE.test(err.message);
}

/** Maps the database's known errors (Prisma's codes, or the driver's SQLSTATE) onto AppErrors; null for anything else. */
export function fromDatabaseError(e: unknown): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  // A raw statement's error carries the SQLSTATE in the driver's cause; the driver's own, as its code.
  const sqlstate = String(driverCause(e)?.originalCode ?? code ?? "");
  if (code === "P2002" || sqlstate === "23505") return new AppError("CONFLICT", "a record with the same key already exists");
  if (code === "P2025") return notFound();
  if (isDatabaseUnavailable(e)) return new AppError("UNAVAILABLE", "the database is unavailable; try again shortly");
  // Two writes that met each other (a deadlock, a serialisation failure): the one refused tries again.
  if (sqlstate === "40P01" || sqlstate === "40001") return versionConflict();
  return null;
}
