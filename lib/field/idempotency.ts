// A field record's submit may reach the server twice (a double tap, a retry after the answer was
// lost on a weak network). The form makes one key per form instance and resends it; the record
// stores it in DissuasionAction.idempotencyKey (unique), so a replay finds the first record instead
// of writing a second. Concurrent replays queue on an advisory lock of the key inside the
// transaction, then see the committed first record (SECURITY.md F22).
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { ActionKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { idempotencyKeySchema } from "@/lib/field/schemas";

/** Waiting replays hold a transaction each: give them time to queue behind the first. */
export const FIELD_TX = { maxWait: 15_000, timeout: 20_000 } as const;

/** The key as stored: per caller, so another caller's key never matches. At most 77 characters. */
export function storedKey(actor: Actor, raw: unknown): string {
  const r = idempotencyKeySchema.safeParse(raw);
  if (!r.success) {
    const code = r.error.issues[0]?.message === "required" ? "required" : "invalid_format";
    throw new AppError("VALIDATION", "a submit needs an idempotency key", [{ path: "idempotencyKey", code, message: "8–40 characters of A–Z a–z 0–9 _ -" }]);
  }
  return `${actor.id}:${r.data}`;
}

export type Replay = { id: string; warningId: string | null; kind: ActionKind };

/**
 * Takes the key's lock for the rest of the transaction and returns the record an earlier submit
 * with this key made, if any. A key reused for a different record is a 409.
 */
export async function replayOf(tx: Tx, key: string, expect: { kind: ActionKind; warningId: string | null }): Promise<Replay | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`field:${key}`}, 0))`;
  const found = await tx.dissuasionAction.findUnique({ where: { idempotencyKey: key }, select: { id: true, warningId: true, kind: true } });
  if (!found) return null;
  if (found.kind !== expect.kind || found.warningId !== expect.warningId) {
    throw new AppError("CONFLICT", "this idempotency key was used for another record", [{ path: "idempotencyKey", code: "key_reused", message: "make a new key for a new record" }]);
  }
  return found;
}
