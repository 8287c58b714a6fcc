// The platform's configuration: the SLA ladder (DESIGN.md §2.4) and the security policy. Global
// settings, so this file works on a database of its own: the other files keep the default ladder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { passwordMaxAgeDays } from "@/lib/auth/password-age";
import { auditRetentionDays } from "@/lib/audit/retention";
import { getSettings, updateSecuritySettings, updateSlaLadder } from "@/lib/settings/commands";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { makeApiKey, makeUnitTree, makeUser, useOwnDatabase, warningInput, type TestTree } from "@/tests/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";

let own: TestDatabase;
let release: () => void;
let tree: TestTree;

beforeAll(async () => {
  own = await createTestDatabase("settings");
  ({ release } = useOwnDatabase(own.url));
  tree = await makeUnitTree();
}, 60_000);

afterAll(async () => {
  await getDb().$disconnect();
  release();
  await own.drop();
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** The ladder form as read, with `over` applied to some risk levels. */
async function ladderForm(actor: Parameters<typeof getSettings>[0], over: Record<string, Record<string, number>> = {}) {
  const { sla } = await getSettings(actor);
  return Object.fromEntries(sla.map(({ riskLevel, version, ackMinutes, contactMinutes, resolveMinutes }) => [
    riskLevel, { version, ackMinutes, contactMinutes, resolveMinutes, ...over[riskLevel] },
  ]));
}

describe("the SLA ladder", () => {
  it("starts from DESIGN.md's defaults", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const { sla } = await getSettings(actor);
    expect(sla.map((r) => [r.riskLevel, r.ackMinutes, r.contactMinutes, r.resolveMinutes])).toEqual([
      ["CRITICAL", 5, 10, 120], ["HIGH", 10, 30, 1440], ["MEDIUM", 30, 120, 4320], ["LOW", 120, 1440, 10080],
    ]);
  });

  it("applies a saved ladder to the next warning, and audits what changed", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    await updateSlaLadder(actor, await ladderForm(actor, { CRITICAL: { ackMinutes: 3, contactMinutes: 8, resolveMinutes: 90 } }));
    const feed = await makeApiKey(tree.city, ["warnings:ingest"]);
    const [r] = await ingestWarnings(feed.actor, [warningInput({ riskLevel: "CRITICAL" })]);
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: r!.id } });
    const after = (d: Date) => (d.getTime() - w.receivedAt.getTime()) / 60_000;
    expect([after(w.ackDueAt), after(w.contactDueAt), after(w.resolveDueAt)]).toEqual([3, 8, 90]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "config.sla.update" }, orderBy: { id: "desc" } });
    expect(audit.details).toEqual({ changed: { CRITICAL: { from: { ackMinutes: 5, contactMinutes: 10, resolveMinutes: 120 }, to: { ackMinutes: 3, contactMinutes: 8, resolveMinutes: 90 } } } });
    expect(audit.actorId).toBe(actor.id);
  });

  it("writes and audits nothing when saved unchanged", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const audits = () => getDb().auditLog.count({ where: { action: { startsWith: "config." } } });
    const [before, settings] = [await audits(), await getSettings(actor)];
    await updateSlaLadder(actor, await ladderForm(actor));
    const { passwordMaxAgeDays: age, auditRetentionDays: kept } = settings;
    await updateSecuritySettings(actor, { passwordMaxAgeDays: String(age.value), passwordMaxAgeDaysVersion: String(age.version), auditRetentionDays: String(kept.value), auditRetentionDaysVersion: String(kept.version) });
    expect(await getSettings(actor)).toEqual(settings);
    expect(await audits()).toBe(before);
  });

  it("refuses a step due before the one above it, naming the field, and saves nothing", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const before = await getSettings(actor);
    const e = await rejection(updateSlaLadder(actor, await ladderForm(actor, { HIGH: { contactMinutes: 5 }, LOW: { resolveMinutes: 0 } })));
    expect(e.status).toBe(422);
    expect(e.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: "HIGH.contactMinutes", code: "before_previous_step" }),
      expect.objectContaining({ path: "LOW.resolveMinutes", code: "too_small" }),
    ]));
    expect(await getSettings(actor)).toEqual(before);
  });

  it("answers 409 to a form read before someone else saved", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const stale = await ladderForm(actor, { LOW: { ackMinutes: 60 } });
    await updateSlaLadder(actor, await ladderForm(actor, { MEDIUM: { ackMinutes: 20 } }));
    const e = await rejection(updateSlaLadder(actor, { ...stale, MEDIUM: { ...stale.MEDIUM } }));
    expect(e.status).toBe(409);
    expect((await getSettings(actor)).sla.find((r) => r.riskLevel === "LOW")!.ackMinutes).toBe(120);
  });

  it("is changed only by the admin of the city bureau", async () => {
    const form = await ladderForm((await makeUser(tree.city, "ADMIN")).actor);
    for (const { actor } of [await makeUser(tree.branches[0]!, "ADMIN"), await makeUser(tree.center, "DISPATCHER"), await makeUser(tree.city, "AUDITOR")]) {
      expect((await rejection(updateSlaLadder(actor, form))).status).toBe(403);
      expect((await rejection(getSettings(actor))).status).toBe(403);
    }
  });
});

describe("the security policy", () => {
  it("keeps the audit trail at least 180 days", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const e = await rejection(updateSecuritySettings(actor, { passwordMaxAgeDays: "90", passwordMaxAgeDaysVersion: "0", auditRetentionDays: "30", auditRetentionDaysVersion: "0" }));
    expect(e.details).toEqual([expect.objectContaining({ path: "auditRetentionDays", code: "retention_min" })]);
    expect(await auditRetentionDays(getDb())).toBe(180);
  });

  it("saves the password lifetime and the retention, in force at once, once per version", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const input = { passwordMaxAgeDays: "60", passwordMaxAgeDaysVersion: "0", auditRetentionDays: "365", auditRetentionDaysVersion: "0" };
    await updateSecuritySettings(actor, input);
    expect([await passwordMaxAgeDays(), await auditRetentionDays(getDb())]).toEqual([60, 365]);
    const { passwordMaxAgeDays: age, auditRetentionDays: kept } = await getSettings(actor);
    expect([age, kept]).toEqual([{ value: 60, version: 1 }, { value: 365, version: 1 }]);
    expect((await rejection(updateSecuritySettings(actor, { ...input, passwordMaxAgeDays: "30" }))).status).toBe(409);
    expect(await passwordMaxAgeDays()).toBe(60);
    expect(await getDb().auditLog.count({ where: { action: "config.security.update" } })).toBe(1);
  });
});
