// Outside demo mode an ADMIN, AUDITOR or LEADER without a second factor, or anyone owing a password
// change, holds a session that reaches the account pages and actions only (SECURITY.md A4, A2):
// every other guard treats it as no session at all.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { totpCodeAt } from "@/lib/auth/totp";
import { client, makeUnitTree, makeUser, TEST_PASSWORD, type TestTree } from "@/tests/factories";

vi.mock("@/lib/env", async (original) => ({ ...(await original<typeof import("@/lib/env")>()), isDemoMode: () => false }));
vi.mock("next-auth", () => ({
  getServerSession: async () => {
    const sid = (globalThis as { __authzSid?: string | null }).__authzSid;
    return sid ? { sid } : null;
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "guards" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const guards = await import("@/lib/auth/guards");
const account = await import("@/app/(auth)/account/actions");
const box = globalThis as { __authzSid?: string | null };

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});

async function signIn(role: "ADMIN" | "OFFICER", data: Record<string, unknown> = {}) {
  const { user } = await makeUser(tree.city, role);
  if (Object.keys(data).length) await getDb().user.update({ where: { id: user.id }, data });
  const r = await login({ username: user.username, password: TEST_PASSWORD }, client(), { demoMode: false });
  if (!r.ok) throw new Error(r.error);
  box.__authzSid = r.sessionId;
  return user;
}
/** The redirect target a guard threw, or null. */
const redirectOf = (p: Promise<unknown>) => p.then(() => null, (e: { digest?: string }) => e.digest?.split(";")[2] ?? String(e));

describe("a session owing a step", () => {
  it("sends an ADMIN without a factor to enrolment, refuses every other guard, and becomes full once enrolled", async () => {
    await signIn("ADMIN");
    expect(await redirectOf(guards.requirePageUser())).toBe("/account/security");
    await expect(guards.requireUser()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await guards.currentActor()).toBeNull();
    expect((await guards.requireAccountSession()).pending).toBe("mfa-enroll");

    const started = await account.startTotpAction();
    if (!started?.ok) throw new Error(JSON.stringify(started));
    const form = new FormData();
    form.set("code", totpCodeAt(started.data.secret, new Date(Date.now() - 30_000)));
    const confirmed = await account.confirmTotpAction(null, form);
    expect(confirmed).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    expect((await guards.requirePageUser()).role).toBe("ADMIN");
  });

  it("sends a user owing a password change to the password page, and enrols nothing before it", async () => {
    await signIn("ADMIN", { mustChangePassword: true });
    expect(await redirectOf(guards.requirePageUser())).toBe("/account/password");
    expect(await account.startTotpAction()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const form = new FormData();
    for (const [k, v] of Object.entries({ current: TEST_PASSWORD, next: "Quiet-Meadow-4821", confirm: "Quiet-Meadow-4821" })) form.set(k, v);
    expect(await account.changePasswordAction(null, form)).toMatchObject({ ok: true });
    // Next owed step: the second factor.
    expect(await redirectOf(guards.requirePageUser())).toBe("/account/security");
  });

  it("gives an OFFICER (no factor required) a full session at once", async () => {
    await signIn("OFFICER");
    expect((await guards.requirePageUser()).role).toBe("OFFICER");
  });
});
