import { unstable_rethrow } from "next/navigation";
import { AppError, fromDatabaseError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/log";

/** Legacy (being replaced by lib/commands/action.ts). What every server action answers: success, or an error code plus per-field issue codes. */
export type ActionState =
  | {
      ok: true; at: number; data: unknown; /** What a creating action made, for the form to go to. */ id?: string;
      /** Something the form must tell the user about the outcome (e.g. where an entry was merged). */
      notice?: Record<string, string | number>;
    }
  | { ok: false; at: number; code: ErrorCode; fields: Record<string, string> }
  | null;

/**
 * Runs a server action's body: AppErrors (validation, 404, 409 …) become an error state the form
 * shows; anything unexpected is logged with the request id and shown as a generic error.
 */
export async function runAction(body: () => Promise<void | string | { id: string; notice?: Record<string, string | number> }>): Promise<ActionState> {
  try {
    const made = await body();
    return { ok: true, at: Date.now(), data: made, ...(typeof made === "string" ? { id: made } : made ?? {}) };
  } catch (e) {
    unstable_rethrow(e);
    const err = e instanceof AppError ? e : fromDatabaseError(e);
    if (err) {
      // The first issue of each field is the one shown.
      const fields: Record<string, string> = {};
      for (const d of err.details) fields[d.path || "_"] ??= d.code;
      return { ok: false, at: Date.now(), code: err.code, fields };
    }
    logger.error("action.failed", { error: e });
    return { ok: false, at: Date.now(), code: "INTERNAL", fields: {} };
  }
}
