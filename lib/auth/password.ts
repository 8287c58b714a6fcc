import { hash, verify } from "@node-rs/argon2";

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
