// The server-action adapter: a "use server" file exports actions built from commands, never
// hand-written bodies.
//
//   export const transitionAction = formAction(transitionWarning, { revalidate: ["/warnings"] });
//   export const revealAction = callAction(revealWarning, (id: string, field: string, reason: string) => ({ id, field, reason }));
//
// The adapter authenticates the session, turns the form into the command's input (formToObject),
// runs the command (permission, parse, transaction, audit: lib/commands/command.ts) and answers
// one Result. Expected refusals (AppErrors, known database errors) become an error Result with the
// first issue of each field; anything else is logged with the request id and answered INTERNAL.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { AppError, fromDatabaseError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/log";
import { requireSessionOwing, requireUser } from "@/lib/auth/guards";
import type { Command } from "@/lib/commands/command";
import { formToObject } from "@/lib/commands/form";

/** What every server action answers. `at` tells two equal answers apart (a form re-renders on each). */
export type Result<T = unknown> =
  | { ok: true; at: number; data: T }
  | { ok: false; at: number; code: ErrorCode; fields: Record<string, string> };

/** A form's state: null until its first submit. */
export type ActionState<T = unknown> = Result<T> | null;

type Options<O> = {
  /** Pages whose data the command changes; `[path, "layout"]` for a layout and everything under it. */
  revalidate?: readonly (string | readonly [string, "layout"])[];
  /** Where to go after success (the answer is then a redirect, not a Result). */
  redirect?: (data: O) => string;
};

/** A server action the client calls with arguments, built from a command and how its arguments make the input. */
export type CallAction<A extends unknown[], O> = ((...args: A) => Promise<Result<O>>) & { readonly command: Command };
/** A form's server action (for useActionState), built from a command. */
export type FormAction<O> = ((prev: ActionState<O>, form: FormData) => Promise<Result<O>>) & { readonly command: Command };

/** `raw` builds the input once the session is known, inside the one error handling. */
async function run<O>(command: Command<O>, raw: () => unknown, options: Options<O>): Promise<Result<O>> {
  let data: O;
  try {
    const actor = command.pending ? await requireSessionOwing(command.pending) : await requireUser();
    const { idempotencyKey, input } = splitKey(command, raw());
    data = await command(actor, input, { idempotencyKey });
  } catch (e) {
    unstable_rethrow(e);
    return failure(e, command.name);
  }
  for (const path of options.revalidate ?? []) {
    if (typeof path === "string") revalidatePath(path);
    else revalidatePath(path[0], path[1]);
  }
  if (options.redirect) redirect(options.redirect(data));
  return { ok: true, at: Date.now(), data };
}

/** An idempotent command's key travels in the form as `idempotencyKey`, beside the input. */
function splitKey(command: Command, raw: unknown): { idempotencyKey: string | null; input: unknown } {
  if (!command.idempotent || !raw || typeof raw !== "object" || !("idempotencyKey" in raw)) return { idempotencyKey: null, input: raw };
  const { idempotencyKey, ...input } = raw as Record<string, unknown>;
  return { idempotencyKey: typeof idempotencyKey === "string" ? idempotencyKey : null, input };
}

/** An error as a Result: the first issue of each field; an unexpected error logged, never shown. */
export function failure(e: unknown, command: string): Result<never> {
  const err = e instanceof AppError ? e : fromDatabaseError(e);
  if (!err) {
    logger.error("action.failed", { command, error: e });
    return { ok: false, at: Date.now(), code: "INTERNAL", fields: {} };
  }
  const fields: Record<string, string> = {};
  for (const d of err.details) fields[d.path || "_"] ??= d.code;
  return { ok: false, at: Date.now(), code: err.code, fields };
}

/** A form's action: the form's fields are the input (names are schema paths). */
export function formAction<O>(command: Command<O>, options: Options<O> = {}): FormAction<O> {
  const action = (_prev: ActionState<O>, form: FormData) => run(command as Command<O>, () => formToObject(form), options);
  return Object.assign(action, { command: command as Command });
}

/** An action the client calls with arguments; `input` builds the command's input from them. */
export function callAction<A extends unknown[], O>(command: Command<O>, input: (...args: A) => unknown, options: Options<O> = {}): CallAction<A, O> {
  const action = (...args: A) => run(command as Command<O>, () => input(...args), options);
  return Object.assign(action, { command: command as Command });
}
