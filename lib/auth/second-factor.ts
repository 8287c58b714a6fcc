import "server-only";
import type { DbOrTx } from "@/lib/db";
import { hashRecoveryCode, matchTotp, openSecret } from "@/lib/auth/totp";

export type FactorCheck =
  | { ok: true; method: "totp" | "recovery"; remaining?: number }
  | { ok: false; method: "totp" | "recovery"; reason: "wrong" | "reused" | "not-enrolled" };

/**
 * Checks and consumes a second-factor code: a TOTP code (never twice: its time step must be
 * later than the last accepted one) or a single-use recovery code. Both consumptions are one
 * conditional UPDATE, so two concurrent logins with the same code cannot both pass. Runs in the
 * caller's transaction (sign-in audits the check with it), or on the client: the UPDATE is atomic.
 */
export async function consumeSecondFactor(tx: DbOrTx, userId: string, code: string, now: Date): Promise<FactorCheck> {
  const method = /^\d{6}$/.test(code) ? "totp" : "recovery";
  const u = await tx.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!u?.totpEnabledAt || !u.totpSecret) return { ok: false, method, reason: "not-enrolled" };
  if (method === "totp") {
    const secret = openSecret(u.totpSecret);
    const step = secret ? matchTotp(secret, code, now) : null;
    if (step === null) return { ok: false, method, reason: "wrong" };
    const n = await tx.$executeRaw`
      UPDATE users SET "totpLastStep" = ${step}
      WHERE id = ${userId}::uuid AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
    return n === 1 ? { ok: true, method } : { ok: false, method, reason: "reused" };
  }
  const hash = hashRecoveryCode(code);
  const rows = await tx.$queryRaw<{ remaining: number }[]>`
    UPDATE users SET "recoveryCodeHashes" = array_remove("recoveryCodeHashes", ${hash})
    WHERE id = ${userId}::uuid AND ${hash} = ANY("recoveryCodeHashes")
    RETURNING cardinality("recoveryCodeHashes")::int AS remaining`;
  return rows.length ? { ok: true, method, remaining: rows[0]!.remaining } : { ok: false, method, reason: "wrong" };
}
