import { describe, expect, it } from "vitest";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, openSecret, sealSecret, totpCodeAt, totpStepOf } from "@/lib/auth/totp";
import { loginSchema } from "@/lib/auth/login-schema";

process.env.AUTH_SECRET ??= "unit-tests-secret-of-at-least-32-bytes!!";
process.env.DATABASE_URL ??= "postgresql://u:p@localhost/unused";

describe("TOTP", () => {
  it("accepts the code of this step and of one step either side, naming the step", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-11-29T08:00:10Z");
    const step = totpStepOf(now);
    expect(matchTotp(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(matchTotp(secret, "12345", now)).toBeNull();
    expect(matchTotp(secret, "abcdef", now)).toBeNull();
  });

  it("seals the secret (AES-GCM): a changed byte or another key opens nothing", () => {
    const secret = newTotpSecret();
    const sealed = sealSecret(secret);
    expect(sealed).not.toContain(secret);
    expect(sealSecret(secret)).not.toBe(sealed);
    expect(openSecret(sealed)).toBe(secret);
    const parts = sealed.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    expect(openSecret(parts.join("."))).toBeNull();
    expect(openSecret(secret)).toBeNull();
  });

  it("makes ten distinct recovery codes the login form accepts, hashed case-insensitively", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(loginSchema.safeParse({ username: "abc", password: "x", otp: c }).success).toBe(true);
    expect(hashRecoveryCode(codes[0]!.toUpperCase())).toBe(hashRecoveryCode(codes[0]!));
    expect(hashRecoveryCode(codes[0]!)).toMatch(/^[0-9a-f]{64}$/);
  });
});
