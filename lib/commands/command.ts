// The command spine. Every write (and every read that takes input) is declared once: its name, the
// permission it needs, its input schema, the audit actions it records, and its body. The entry
// points — the route adapter (lib/http/route.ts) and the server-action adapter
// (lib/commands/action.ts) — are derived from the declaration; so are the authorization matrix
// (tests/integration/authz/) and the OpenAPI document's operations (lib/openapi/).
//
// Running a command: authenticate (the adapter's job), then here the permission (an audited
// denial), the strict parse (a 422 naming each bad field), the idempotency key when the command
// takes one, one transaction around the body, and a check that the body audited only what its
// declaration says it does.
import "server-only";
import type { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import type { PendingStep } from "@/lib/auth/session";
import { requireAnyPermission } from "@/lib/auth/guards";
import { parseInput } from "@/lib/validation/parse";
import { idempotent, keyRequired } from "@/lib/http/idempotency";
import { declaredAudit } from "@/lib/commands/audit-scope";

/** What a command's body receives. */
export type CommandContext<I> = {
  actor: Actor;
  /** The parsed input: path ids, body and query fields in one object, exactly as the schema gives it. */
  input: I;
  /** The command's transaction (or, for `transaction: "own"`, the client, to open its own). */
  tx: Tx;
  /** The command's clock: one instant for every timestamp it writes (tests pass their own). */
  now: Date;
};

type TransactionMode =
  /** One transaction around the body (the default): its writes and its audit commit together. */
  | "one"
  /** The body opens its own transactions (a batch: one per item, so one bad item sinks only itself). */
  | "own"
  /** A read: no transaction. */
  | "none";

export type CommandDefinition<S extends z.ZodType, O> = {
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
  audit: readonly string[] | false;
  transaction?: TransactionMode;
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
  run(ctx: CommandContext<z.infer<S>>): Promise<O>;
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

/** Declares a command. */
export function command<S extends z.ZodType, O>(def: CommandDefinition<S, O>): Command<O> {
  const permissions: readonly Permission[] = def.permission === "signed-in" ? [] : typeof def.permission === "string" ? [def.permission] : def.permission;
  const mode = def.transaction ?? (def.audit === false ? "none" : "one");

  async function execute(actor: Actor, raw: unknown, options: RunOptions = {}): Promise<{ data: O; replayed: boolean }> {
    if (permissions.length) await requireAnyPermission(actor, permissions as [Permission, ...Permission[]]);
    if (def.idempotent === "required" && !options.idempotencyKey) throw keyRequired();
    const input = parseInput(def.input, raw, { checkText: !def.checksTextPerItem }) as z.infer<S>;
    const now = options.now ?? new Date();
    const body = (tx: Tx) => declaredAudit.run({ command: def.name, declared: def.audit }, () => def.run({ actor, input, tx, now }));
    if (def.idempotent && options.idempotencyKey) {
      if (mode !== "one") throw new Error(`command ${def.name}: an idempotent command runs in one transaction`);
      return idempotent(actor, def.name, options.idempotencyKey, input, body, def.transactionOptions);
    }
    if (mode === "one") return { data: await getDb().$transaction(body, def.transactionOptions), replayed: false };
    return { data: await body(getDb() as unknown as Tx), replayed: false };
  }

  const run = async (actor: Actor, raw: unknown, options?: RunOptions) => (await execute(actor, raw, options)).data;
  // A function's own `name` is read-only by assignment; it is configurable.
  Object.defineProperty(run, "name", { value: def.name });
  return Object.assign(run, { execute, permissions, input: def.input, audit: def.audit, idempotent: def.idempotent ?? false, summary: def.summary, pending: def.pending });
}

/** Whether a value is a declared command (what the matrix and the adapters check). */
export const isCommand = (v: unknown): v is Command => typeof v === "function" && "execute" in v && "permissions" in v && "input" in v;
