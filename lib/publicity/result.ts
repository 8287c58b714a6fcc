import { unstable_rethrow } from "next/navigation";
import { AppError, fromDatabaseError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/log";

/** What a data-returning server action answers: its data, or an error code the client shows. */
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; fields?: Record<string, string> };

/** Like runAction (lib/http/action.ts), for actions the client calls for data rather than forms. */
export async function runForResult<T>(body: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (e) {
    unstable_rethrow(e);
    const err = e instanceof AppError ? e : fromDatabaseError(e);
    if (err) {
      const fields: Record<string, string> = {};
      for (const d of err.details) fields[d.path || "_"] ??= d.code;
      return { ok: false, code: err.code, fields };
    }
    logger.error("action.failed", { error: e });
    return { ok: false, code: "INTERNAL" };
  }
}

/** The named fields of a submitted form (absent ones left out, so schemas see them as absent). */
export function formFields(form: FormData, names: readonly string[]): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const n of names) {
    const v = form.get(n);
    if (v !== null) out[n] = v;
  }
  return out;
}
