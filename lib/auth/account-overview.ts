import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { passwordMaxAgeDays } from "@/lib/auth/password-age";
import { factorStatus, type FactorStatus } from "@/lib/auth/totp-enrollment";

export type AccountOverview = { mustChangePassword: boolean; passwordMaxAgeDays: number; factor: FactorStatus };

/** What the account pages show the signed-in user about their own sign-in. */
export async function accountOverview(who: Actor): Promise<AccountOverview> {
  const db = getDb();
  const [u, days, factor] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: who.id }, select: { mustChangePassword: true } }),
    passwordMaxAgeDays(),
    factorStatus(who),
  ]);
  return { mustChangePassword: u.mustChangePassword, passwordMaxAgeDays: days, factor };
}
