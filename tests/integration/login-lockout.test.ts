// The lockout (SECURITY.md A3) where a plain sequence of sign-ins does not reach it: guesses sent at
// once, the account's own commands that check a second-factor code, and a disabled unit's people.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { login, LOCK_AFTER_FAILURES } from "@/lib/auth/login";
import { resolveSession } from "@/lib/auth/session";
import { confirmTotpEnrollment, regenerateRecoveryCodes, removeOwnFactor, startTotpEnrollment } from "@/lib/auth/totp-enrollment";
import { totpCodeAt } from "@/lib/auth/totp";
import { updateUnit } from "@/lib/units/commands";
import type { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { actorOf, client, makeUser, TEST_PASSWORD } from "@/tests/factories";
import { fieldTeam, type FieldTeam } from "./field-fixtures";

const db = () => getDb();
const lockAudits = (userId: string) => db().auditLog.count({ where: { entityId: userId, action: "auth.lock" } });

let team: FieldTeam;
let admin: Actor;
beforeAll(async () => {
  team = await fieldTeam();
  admin = (await makeUser(team.tree.city, "ADMIN")).actor;
});

/** An OFFICER with an enrolled factor; `wrong` are codes their phone shows at no time near `now`. */
async function enrolledOfficer(now: Date) {
  const { user } = await makeUser(team.tree.city, "OFFICER");
  const who = { ...(await actorOf(user.id)), sessionId: undefined };
  const { secret } = await startTotpEnrollment(who);
  const t0 = new Date(now.getTime() - 120_000);
  await confirmTotpEnrollment(who, { code: totpCodeAt(secret, t0) }, t0);
  const valid = new Set([-30_000, 0, 30_000].map((d) => totpCodeAt(secret, new Date(now.getTime() + d))));
  const wrong: string[] = [];
  for (let n = 100_000; wrong.length < 12; n += 7919) if (!valid.has(String(n))) wrong.push(String(n));
  return { user, who, secret, wrong };
}

const answer = (p: Promise<unknown>) => p.then(() => "done", (e: AppError) => e.details?.[0]?.code ?? e.code);

describe("the account's own second-factor commands count wrong codes toward the lockout", () => {
  it("the fifth wrong code to 'new recovery codes' locks the account; then even the right code is refused", async () => {
    const now = new Date();
    const { user, who, secret, wrong } = await enrolledOfficer(now);
    const answers = [];
    for (const code of wrong) answers.push(await answer(regenerateRecoveryCodes(who, { code }, now)));
    expect(answers).toEqual([...Array(LOCK_AFTER_FAILURES - 1).fill("otp_invalid"), ...Array(wrong.length - LOCK_AFTER_FAILURES + 1).fill("account_locked")]);
    expect(await lockAudits(user.id)).toBe(1);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil! > now).toBe(true);
    expect(await answer(regenerateRecoveryCodes(who, { code: totpCodeAt(secret, now) }, now))).toBe("account_locked");
  });

  it("wrong codes to 'turn off' lock the account and end its sessions; a right code before the fifth does not count", async () => {
    const now = new Date();
    const { user, who, secret, wrong } = await enrolledOfficer(now);
    const signedIn = await login({ username: user.username, password: TEST_PASSWORD, otp: totpCodeAt(secret, new Date(now.getTime() - 30_000)) }, client(), { now });
    if (!signedIn.ok) throw new Error(signedIn.error);
    for (const code of wrong.slice(0, LOCK_AFTER_FAILURES - 1)) expect(await answer(removeOwnFactor(who, { code }, { now, demoMode: false }))).toBe("otp_invalid");
    // A right code gives its attempt back: new recovery codes are issued, and the four failures remain four.
    expect(await answer(regenerateRecoveryCodes(who, { code: totpCodeAt(secret, now) }, now))).toBe("done");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { failedLogins: true } })).failedLogins).toBe(LOCK_AFTER_FAILURES - 1);
    expect(await answer(removeOwnFactor(who, { code: wrong[LOCK_AFTER_FAILURES]! }, { now, demoMode: false }))).toBe("account_locked");
    expect(await resolveSession(signedIn.sessionId, client(), now)).toBeNull();
    expect(await answer(removeOwnFactor(who, { code: totpCodeAt(secret, new Date(now.getTime() + 30_000)) }, { now, demoMode: false }))).toBe("account_locked");
  });
});

describe("the lockout holds under guesses sent at once", () => {
  it("of twelve wrong passwords and the right one sent together, at most five are checked, the account locks, and the right one does not sign in", async () => {
    const { user } = await makeUser(team.tree.city, "OFFICER");
    const started = new Date();
    const guesses = Array.from({ length: 12 }, (_, i) => login({ username: user.username, password: `Wrong-guess-${i}-Xy` }, client()));
    const right = login({ username: user.username, password: TEST_PASSWORD }, client());
    const results = await Promise.all([...guesses, right]);

    const checked = await db().auditLog.count({ where: { entityId: user.id, action: "auth.login", success: false, details: { path: ["reason"], equals: "wrong-password" } } });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(checked).toBeLessThanOrEqual(LOCK_AFTER_FAILURES);
    expect(!!row.lockedUntil && row.lockedUntil > started).toBe(true);
    expect(await lockAudits(user.id)).toBe(1);
    // Every refusal is an unknown user's answer, the right password's included.
    expect(results).toEqual(Array(results.length).fill({ ok: false, error: "INVALID_CREDENTIALS" }));
  });

  it("a password alone, answered with OTP_REQUIRED, is not a failure: asking again and again does not lock", async () => {
    const now = new Date();
    const { user } = await enrolledOfficer(now);
    const answers = [];
    for (let i = 0; i <= LOCK_AFTER_FAILURES; i++) answers.push(await login({ username: user.username, password: TEST_PASSWORD }, client(), { now }));
    expect(answers).toEqual(Array(LOCK_AFTER_FAILURES + 1).fill({ ok: false, error: "OTP_REQUIRED" }));
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { failedLogins: true, lockedUntil: true } })).toEqual({ failedLogins: 0, lockedUntil: null });
  });
});

describe("sessions of a disabled unit", () => {
  it("a user of a disabled unit no longer signs in (answered as a disabled account), and their open session ends", async () => {
    const precinct = team.tree.branches[1]!.precincts[1]!;
    const { user } = await makeUser(precinct, "OFFICER");
    const before = await login({ username: user.username, password: TEST_PASSWORD }, client());
    expect(before.ok).toBe(true);
    const u = await db().unit.findUniqueOrThrow({ where: { id: precinct.id } });
    await updateUnit(admin, { id: u.id, version: u.version, active: false });

    const open = before.ok ? await resolveSession(before.sessionId, client()) : null;
    expect.soft(open, "the open session of a user of a disabled unit must end").toBeNull();
    const again = await login({ username: user.username, password: TEST_PASSWORD }, { ...client(), requestId: randomUUID() });
    expect(again).toEqual({ ok: false, error: "DISABLED" });
  });
});
