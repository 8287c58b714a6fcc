import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { randomInt } from "node:crypto";

// OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane. (algorithm 2 = Argon2id; the
// package's `Algorithm` is a const enum, which isolated modules cannot read.)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Burns the same time as a real check, for logins naming no existing user. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword("not-a-real-password-0");
  await verifyPassword(await dummy, password);
  return false;
}

// No look-alikes (0/O, 1/l/I), so the password reads out and types back without doubt.
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGIT = "23456789";

/**
 * A first or reset password the server chooses (the administrator never does): four groups of
 * four, each group upper + lower + digit + one more, about 85 bits. It is shown once, and the
 * account must change it at its first sign-in.
 */
export function oneTimePassword(): string {
  const pick = (set: string) => set[randomInt(set.length)]!;
  const all = UPPER + LOWER + DIGIT;
  const group = () => {
    const g = [pick(UPPER), pick(LOWER), pick(DIGIT), pick(all)];
    for (let i = g.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [g[i], g[j]] = [g[j]!, g[i]!];
    }
    return g.join("");
  };
  return [group(), group(), group(), group()].join("-");
}
