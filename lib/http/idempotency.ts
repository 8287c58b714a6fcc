// Idempotency-Key for creating requests (SECURITY.md F22): the first request with a key does the
// work and stores its answer with a hash of its body; a replay with the same key and body gets the
// stored answer, even when 50 arrive at once (they queue on an advisory lock inside the
// transaction); the same key with another body is a 422 (SECURITY.md G35). One key rule for every
// caller, the header of the API and the `idempotencyKey` field of a form alike; an error names
// the key as the form does (`idempotencyKey`).
import "server-only";
import { createHash } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, idempotencyKeyReused } from "@/lib/errors";
import { canonicalJson } from "@/lib/audit/hash";

const KEY_SHAPE = /^[A-Za-z0-9_.:-]{8,100}$/;
/** The key's name in an error's details: the form field's (the API's header is Idempotency-Key). */
export const KEY_PATH = "idempotencyKey";

/** The answer to a command that takes a key only with one (lib/commands/command.ts, `idempotent: "required"`). */
export const keyRequired = () =>
  new AppError("VALIDATION", "this request needs an idempotency key", [{ path: KEY_PATH, code: "required", message: "send one key per record (e.g. a UUID), the same on every retry" }]);
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export async function idempotent<T>(
  actor: Actor,
  scope: string,
  key: string | null,
  request: unknown,
  run: (tx: Tx) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<{ replayed: boolean; data: T }> {
  if (key === null) return { replayed: false, data: await getDb().$transaction(run, options) };
  if (!KEY_SHAPE.test(key)) {
    throw new AppError("VALIDATION", "bad idempotency key", [{ path: KEY_PATH, code: "invalid_format", message: "8–100 characters of A–Z a–z 0–9 _ . : -" }]);
  }
  const principal = `${actor.kind}:${actor.id}`;
  // Keys are per caller: another caller's key never matches.
  const id = `${scope}:${sha256(`${principal}\n${key}`)}`;
  const requestHash = sha256(canonicalJson(request));
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
    const found = await tx.idempotencyRecord.findUnique({ where: { key: id }, select: { requestHash: true, body: true } });
    if (found) {
      if (found.requestHash !== requestHash) throw idempotencyKeyReused(KEY_PATH);
      return { replayed: true, data: found.body as T };
    }
    const data = await run(tx);
    await tx.idempotencyRecord.create({ data: { key: id, principal, requestHash, status: 201, body: (data ?? null) as object } });
    return { replayed: false, data };
  }, options);
}
