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
export const versionConflict = () =>
  new AppError("VERSION_CONFLICT", "the record was changed by someone else; reload and try again");

/** Maps Prisma's known request errors onto AppErrors; returns null for anything else. */
export function fromPrismaError(e: unknown): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "P2002") return new AppError("CONFLICT", "a record with the same key already exists");
  if (code === "P2025") return notFound();
  return null;
}
