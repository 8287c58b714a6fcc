// Idempotency-Key for creating requests (SECURITY.md F22): the first request with a key does the
// work and stores its answer with a hash of its body; a replay with the same key and body gets the
// stored answer, even when 50 arrive at once (they queue on an advisory lock inside the
// transaction); the same key with another body is a 422 (SECURITY.md G35).
import "server-only";
import { createHash } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, idempotencyKeyReused } from "@/lib/errors";
import { canonicalJson } from "@/lib/audit/hash";

const KEY_SHAPE = /^[A-Za-z0-9_.:-]{8,100}$/;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export async function idempotent<T>(
  actor: Actor,
  scope: string,
  key: string | null,
  request: unknown,
  run: (tx: Tx) => Promise<T>,
): Promise<{ replayed: boolean; body: T }> {
  if (key === null) return { replayed: false, body: await getDb().$transaction(run) };
  if (!KEY_SHAPE.test(key)) {
    throw new AppError("VALIDATION", "bad Idempotency-Key", [{ path: "Idempotency-Key", code: "invalid_format", message: "8–100 characters of A–Z a–z 0–9 _ . : -" }]);
  }
  const principal = `${actor.kind}:${actor.id}`;
  // Keys are per caller: another caller's key never matches.
  const id = `${scope}:${sha256(`${principal}\n${key}`)}`;
  const requestHash = sha256(canonicalJson(request));
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
    const found = await tx.idempotencyRecord.findUnique({ where: { key: id }, select: { requestHash: true, body: true } });
    if (found) {
      if (found.requestHash !== requestHash) throw idempotencyKeyReused("Idempotency-Key");
      return { replayed: true, body: found.body as T };
    }
    const body = await run(tx);
    await tx.idempotencyRecord.create({ data: { key: id, principal, requestHash, status: 201, body: body as object } });
    return { replayed: false, body };
  });
}
