// The command spine. Every write (and every read that takes input) is declared once: its name, the
// permission it needs, its input schema, the audit actions it records, and its body. The entry
// points — the route adapter (lib/http/route.ts) and the server-action adapter
// (lib/commands/action.ts) — are derived from the declaration; so are the authorization matrix
// (tests/integration/authz/) and the OpenAPI document's operations (lib/openapi/).
//
// Running a command: authenticate (the adapter's job), then here the permission (an audited
// denial), the strict parse (a 422 naming each bad field), the idempotency key when the command
// takes one, the transaction its mode says (one around the body, the body's own, or none for a
// read), and a check that the body audited only what its declaration says it does.
import "server-only";
import type { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import type { PendingStep } from "@/lib/auth/session";
import { requireAnyPermission } from "@/lib/auth/guards";
import { parseInput } from "@/lib/validation/parse";
import { idempotent, keyRequired } from "@/lib/http/idempotency";
import { declaredAudit } from "@/lib/commands/audit-scope";

/**
 * What a command's body receives: with `transaction: "one"` (the default) the command's
 * transaction `tx`; with "own" and "none" the client `db` (to open its own transactions, or to read).
 */
export type CommandContext<I, M extends TransactionMode = "one"> = {
  actor: Actor;
  /** The parsed input: path ids, body and query fields in one object, exactly as the schema gives it. */
  input: I;
  /** The command's clock: one instant for every timestamp it writes (tests pass their own). */
  now: Date;
} & (M extends "one" ? { tx: Tx } : { db: Db });

export type TransactionMode =
  /** One transaction around the body (the default): its writes and its audit commit together. */
  | "one"
  /** The body opens its own transactions (a batch: one per item, so one bad item sinks only itself). */
  | "own"
  /** A read: no transaction. */
  | "none";

export type CommandDefinition<S extends z.ZodType, O, A extends readonly string[] | false = readonly string[] | false, M extends TransactionMode = TransactionMode> = {
  /**
   * Stable dotted name, e.g. "warning.transition": the OpenAPI operationId (camel-cased), the
   * matrix's key, and the log's name for the command.
   */
  name: string;
  /**
   * Who may run it: holders of any one of these permissions (the first is named in an audited
   * denial), or "signed-in" for what every user does to their own things (their notifications,
   * their alert settings).
   */
  permission: Permission | readonly [Permission, ...Permission[]] | "signed-in";
  /** The whole input, strictly: path ids, body fields, query fields. */
  input: S;
  /**
   * The audit actions (lib/audit/actions.ts) its body writes in its transaction, or false for a
   * read that records nothing. Writing an undeclared action is a bug the runner refuses.
   */
  audit: A;
  /** Default: "one" for a command that audits, "none" for a read (`audit: false`). */
  transaction?: M;
  /** Options of the transaction ("one"), e.g. longer waits for commands whose replays queue. */
  transactionOptions?: { maxWait?: number; timeout?: number };
  /**
   * Whether a caller's key (the Idempotency-Key header, a form's `idempotencyKey` field) makes a
   * retry safe: the first run's answer is stored and replayed (lib/http/idempotency.ts).
   * "required": a call without a key is refused (a record a weak network may submit twice).
   */
  idempotent?: boolean | "required";
  /** One-line summary for the OpenAPI document. */
  summary?: string;
  /**
   * The body refuses text the database cannot store item by item (ingestion: such an item is
   * rejected alone instead of sinking its batch); otherwise the whole input is refused.
   */
  checksTextPerItem?: boolean;
  /**
   * For the account's own commands only: the steps a signed-in session may still owe (a password
   * change, a second factor to enrol) when it runs this. Absent: a full session is needed.
   */
  pending?: readonly PendingStep[];
  run(ctx: CommandContext<z.infer<S>, M>): Promise<O>;
};

export type RunOptions = { now?: Date; idempotencyKey?: string | null };

export type Command<O = unknown> = {
  (actor: Actor, raw: unknown, options?: RunOptions): Promise<O>;
  readonly name: string;
  /** Empty for a "signed-in" command. */
  readonly permissions: readonly Permission[];
  readonly input: z.ZodType;
  readonly audit: readonly string[] | false;
  readonly idempotent: boolean | "required";
  readonly summary?: string;
  readonly pending?: readonly PendingStep[];
  /** Like calling the command, and says whether the answer was a stored one replayed. */
  execute(actor: Actor, raw: unknown, options?: RunOptions): Promise<{ data: O; replayed: boolean }>;
};

/** The transaction mode a declaration gets when it names none. */
type DefaultMode<A> = A extends false ? "none" : "one";

/** Whether a declaration runs in one of `modes`; where it does, its body takes that mode's context. */
function runsIn<S extends z.ZodType, O, A extends readonly string[] | false, M extends TransactionMode, K extends TransactionMode>(
  def: CommandDefinition<S, O, A, M>, ...modes: K[]
): def is CommandDefinition<S, O, A, M> & CommandDefinition<S, O, A, K> {
  const mode: TransactionMode = def.transaction ?? (def.audit === false ? "none" : "one");
  const wanted: readonly TransactionMode[] = modes;
  return wanted.includes(mode);
}

/** Declares a command; its body's context (`tx` or `db`) follows from its transaction mode. */
export function command<S extends z.ZodType, O, const A extends readonly string[] | false, M extends TransactionMode = DefaultMode<A>>(
  def: CommandDefinition<S, O, A, M>,
): Command<O> {
  const permissions: readonly Permission[] = def.permission === "signed-in" ? [] : typeof def.permission === "string" ? [def.permission] : def.permission;

  async function execute(actor: Actor, raw: unknown, options: RunOptions = {}): Promise<{ data: O; replayed: boolean }> {
    if (permissions.length) await requireAnyPermission(actor, permissions as [Permission, ...Permission[]]);
    if (def.idempotent === "required" && !options.idempotencyKey) throw keyRequired();
    const input = parseInput(def.input, raw, { checkText: !def.checksTextPerItem }) as z.infer<S>;
    const now = options.now ?? new Date();
    const audited = (work: () => Promise<O>) => declaredAudit.run({ command: def.name, declared: def.audit }, work);
    if (runsIn(def, "one")) {
      const body = (tx: Tx) => audited(() => def.run({ actor, input, now, tx }));
      if (def.idempotent && options.idempotencyKey) return idempotent(actor, def.name, options.idempotencyKey, input, body, def.transactionOptions);
      return { data: await getDb().$transaction(body, def.transactionOptions), replayed: false };
    }
    if (def.idempotent && options.idempotencyKey) throw new Error(`command ${def.name}: an idempotent command runs in one transaction`);
    if (runsIn(def, "own", "none")) return { data: await audited(() => def.run({ actor, input, now, db: getDb() })), replayed: false };
    throw new Error(`command ${def.name}: unknown transaction mode ${String(def.transaction)}`);
  }

  const call = async (actor: Actor, raw: unknown, options?: RunOptions) => (await execute(actor, raw, options)).data;
  // A function's own `name` is read-only by assignment; it is configurable.
  Object.defineProperty(call, "name", { value: def.name });
  return Object.assign(call, { execute, permissions, input: def.input, audit: def.audit, idempotent: def.idempotent ?? false, summary: def.summary, pending: def.pending });
}

/** Whether a value is a declared command (what the matrix and the adapters check). */
export const isCommand = (v: unknown): v is Command => typeof v === "function" && "execute" in v && "permissions" in v && "input" in v;
