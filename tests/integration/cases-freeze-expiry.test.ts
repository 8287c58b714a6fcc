import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createCase } from "@/lib/cases/create-case";
import { getCase } from "@/lib/cases/case-detail";
import { flagExpiringFreezes, freezeExpiryKey } from "@/lib/cases/flag-expiring-freezes";
import { requestFreeze, updateFreeze } from "@/lib/cases/freezes";
import { listCases } from "@/lib/cases/queries";
import { makeUser } from "@/tests/factories";
import { bankCard, caseInput, caseTeam, type CaseTeam } from "./cases-fixtures";

const HOUR = 3_600_000;
let team: CaseTeam;
beforeAll(async () => {
  team = await caseTeam();
});

async function liveFreeze(caseId: string, kind: "STOP_PAYMENT" | "FREEZE", expiresAt: Date, partial = false) {
  const { actor } = team.investigator;
  const { id } = await requestFreeze(actor, { id: caseId, kind, bankName: "中国银行", accountNumber: bankCard(), amountRequested: "1000.00" });
  await updateFreeze(actor, { id: caseId, subId: id, version: 1, status: partial ? "PARTIAL" : "EXECUTED", amountHeld: partial ? "250.50" : "1000.00", expiresAt: expiresAt.toISOString() });
  return id;
}

const notices = (freezeId: string) => getDb().notification.findMany({ where: { dedupeKey: freezeExpiryKey(freezeId) }, select: { userId: true, kind: true, data: true } });

describe("freeze expiry flagging, with a controlled clock", () => {
  it("flags each request once before it lapses, notifies the unit's investigators, and expires lapsed ones", async () => {
    const { investigator, chief } = team;
    const officer = await makeUser(team.branch, "OFFICER");
    const base = new Date();
    const { id: caseId } = await createCase(investigator.actor, caseInput({ accounts: [] }));
    const stopA = await liveFreeze(caseId, "STOP_PAYMENT", new Date(base.getTime() + 20 * HOUR));
    const freezeB = await liveFreeze(caseId, "FREEZE", new Date(base.getTime() + 8 * 24 * HOUR), true);
    const stopD = await liveFreeze(caseId, "STOP_PAYMENT", new Date(base.getTime() + 1 * HOUR));

    // At `base`: only D (1 h left, inside the 12 h window) is flagged.
    await flagExpiringFreezes(base);
    expect((await notices(stopD)).map((n) => n.userId).sort()).toEqual([investigator.user.id, chief.user.id].sort());
    expect((await notices(stopD)).map((n) => n.userId)).not.toContain(officer.user.id);
    expect(await notices(stopA)).toEqual([]);
    expect(await notices(freezeB)).toEqual([]);
    expect((await notices(stopD))[0]).toMatchObject({ kind: "freeze_expiry", data: { caseId, kind: "STOP_PAYMENT", amountHeld: "1000.00" } });
    expect(JSON.stringify((await notices(stopD))[0]!.data)).toMatch(/"account":"622202\*+\d{4}"/);

    // Nine hours on: A has 11 h left and is flagged; D has lapsed and is expired.
    const later = new Date(base.getTime() + 9 * HOUR);
    await flagExpiringFreezes(later);
    expect(await notices(stopA)).toHaveLength(2);
    const rows = await getDb().freezeRequest.findMany({ where: { caseId }, select: { id: true, status: true, expiryNotifiedAt: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(stopD)!.status).toBe("EXPIRED");
    expect(byId.get(stopA)!.expiryNotifiedAt?.getTime()).toBe(later.getTime());
    expect(byId.get(freezeB)!.expiryNotifiedAt).toBeNull();

    // The flag shows on the case and in the list (filter "expiring"), computed for that moment.
    const c = await getCase(investigator.actor, { id: caseId }, { now: later });
    expect(c.freezes.find((f) => f.id === stopA)!.expiring).toBe(true);
    expect(c.freezes.find((f) => f.id === freezeB)!.expiring).toBe(false);
    expect(c.money.held).toBe("1250.50"); // D no longer holds anything
    const listed = await listCases(investigator.actor, { flag: "expiring" }, { now: later });
    expect(listed.items.find((i) => i.id === caseId)?.expiringFreezes).toBe(1);
    const expiredEvent = c.timeline.find((e) => e.kind === "freeze_updated" && e.data.status === "EXPIRED");
    expect(expiredEvent).toMatchObject({ by: null, data: { automatic: true } });

    // Idempotent: the same run again, and a concurrent pair, add nothing.
    const before = await getDb().notification.count({ where: { user: { unitId: team.branch.id } } });
    await Promise.all([flagExpiringFreezes(later), flagExpiringFreezes(later)]);
    await flagExpiringFreezes(later);
    expect(await getDb().notification.count({ where: { user: { unitId: team.branch.id } } })).toBe(before);
    expect(await getDb().caseEvent.count({ where: { caseId, kind: "freeze_updated", data: { path: ["status"], equals: "EXPIRED" } } })).toBe(1);

    // A freeze (six months) is flagged seven days ahead: B, 8 days out at base, is flagged a day and a bit later.
    await flagExpiringFreezes(new Date(base.getTime() + 25 * HOUR));
    expect(await notices(freezeB)).toHaveLength(2);
  });

  it("leaves requests that hold nothing alone", async () => {
    const { actor } = team.investigator;
    const { id: caseId } = await createCase(actor, caseInput({ accounts: [] }));
    const { id } = await requestFreeze(actor, { id: caseId, kind: "STOP_PAYMENT", bankName: "中国银行", accountNumber: bankCard(), amountRequested: "10.00", expiresAt: new Date(Date.now() + HOUR).toISOString() });
    await flagExpiringFreezes(new Date());
    expect(await notices(id)).toEqual([]);
    expect((await getDb().freezeRequest.findUniqueOrThrow({ where: { id } })).status).toBe("REQUESTED");
  });
});
