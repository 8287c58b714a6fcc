// SECURITY.md A6: no AUTH_SECRET fallback — the app refuses to start without a ≥ 32-byte secret —
// and session cookies are HttpOnly, SameSite=Lax, and Secure behind https.
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const base = { DATABASE_URL: "postgresql://u:p@localhost/db", NODE_ENV: "production" } as const;

async function freshEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const k of ["AUTH_SECRET", "APP_MODE", "NEXTAUTH_URL"]) vi.stubEnv(k, undefined as unknown as string);
  for (const [k, v] of Object.entries({ ...base, ...vars })) vi.stubEnv(k, v as string);
  return import("@/lib/env");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("start-up configuration", () => {
  it.each([undefined, "", "short-secret", "x".repeat(31)])("refuses AUTH_SECRET %j", async (secret) => {
    const { env } = await freshEnv({ AUTH_SECRET: secret });
    expect(() => env()).toThrow(/AUTH_SECRET must be set to at least 32 bytes/);
  });

  it("accepts a 32-byte secret, and defaults to production mode (demo accounts refused)", async () => {
    const { env, isDemoMode } = await freshEnv({ AUTH_SECRET: "s".repeat(32) });
    expect(env().AUTH_SECRET).toHaveLength(32);
    expect(isDemoMode()).toBe(false);
  });

  it("sets HttpOnly, SameSite=Lax session cookies, Secure behind https", async () => {
    await freshEnv({ AUTH_SECRET: "s".repeat(32), NEXTAUTH_URL: "https://fz.example" });
    const { authOptions } = await import("@/lib/auth/auth-options");
    expect(authOptions().useSecureCookies).toBe(true);
    // NextAuth's own cookie defaults, which authOptions keeps (it sets no cookies option).
    expect(authOptions().cookies).toBeUndefined();
    const { defaultCookies } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/lib/cookie.js")) as {
      defaultCookies: (secure: boolean) => Record<string, { name: string; options: Record<string, unknown> }>;
    };
    const session = defaultCookies(true).sessionToken!;
    expect(session.name).toBe("__Secure-next-auth.session-token");
    expect(session.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
    await freshEnv({ AUTH_SECRET: "s".repeat(32), NEXTAUTH_URL: "http://localhost:3000" });
    expect((await import("@/lib/auth/auth-options")).authOptions().useSecureCookies).toBe(false);
    // Two fresh imports of the sign-in stack (NextAuth, the database client): seconds on a busy machine.
  }, 30_000);
});
