// A field record's submit may reach the server twice (a double tap, a retry after the answer was
// lost on a weak network). The form makes one key per form instance and resends it; the record
// stores it in DissuasionAction.idempotencyKey (unique) with a hash of what was submitted, so a
// replay finds the first record instead of writing a second, and the key sent again with other
// content is refused (422, SECURITY.md G35) rather than answered with a record it did not make.
// Concurrent replays queue on an advisory lock of the key inside the transaction, then see the
// committed first record (SECURITY.md F22).
import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { ActionKind } from "@/lib/generated/prisma/enums";
import { AppError, idempotencyKeyReused } from "@/lib/errors";
import { canonicalJson } from "@/lib/audit/hash";
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

/** The hash stored with a record's key (DissuasionAction.idempotencyHash): of the submitted input, as sent. */
export const submitHash = (raw: unknown): string => createHash("sha256").update(canonicalJson(raw ?? null)).digest("hex");

/**
 * Takes the key's lock for the rest of the transaction and returns the record an earlier submit
 * with this key made, if any. The key reused for another record, or with other content, is a 422.
 */
export async function replayOf(tx: Tx, key: string, expect: { kind: ActionKind; warningId: string | null }, raw: unknown): Promise<Replay | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`field:${key}`}, 0))`;
  const found = await tx.dissuasionAction.findUnique({ where: { idempotencyKey: key }, select: { id: true, warningId: true, kind: true, idempotencyHash: true } });
  if (!found) return null;
  // Records made before hashes were kept (idempotencyHash null) compare by kind and warning only.
  if (found.kind !== expect.kind || found.warningId !== expect.warningId || (found.idempotencyHash !== null && found.idempotencyHash !== submitHash(raw))) {
    throw idempotencyKeyReused("idempotencyKey");
  }
  return { id: found.id, warningId: found.warningId, kind: found.kind };
}
