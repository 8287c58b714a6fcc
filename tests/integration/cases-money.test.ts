import { beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { getDb } from "@/lib/db";
import { createCase } from "@/lib/cases/create-case";
import { getCase } from "@/lib/cases/case-detail";
import { requestFreeze, updateFreeze } from "@/lib/cases/freezes";
import { recordRecovery, recordReturn } from "@/lib/cases/recoveries";
import { addVictim } from "@/lib/cases/victims";
import { addMoney } from "@/lib/cases/money";
import { bankCard, caseFootprint, caseInput, caseTeam, rejection, type CaseTeam } from "./cases-fixtures";

let team: CaseTeam;
beforeAll(async () => {
  team = await caseTeam();
});

const newCase = async (victims: { name: string; lossAmount: string }[]) => {
  const { id } = await createCase(team.investigator.actor, caseInput({ victims, accounts: [] }));
  return id;
};

describe("stop-payment and freeze requests", () => {
  it("goes requested → executed → released with the amounts held and the expiry", async () => {
    const { actor } = team.investigator;
    const id = await newCase([{ name: "王秀兰", lossAmount: "50000.00" }]);
    const { id: fid } = await requestFreeze(actor, { id, kind: "STOP_PAYMENT", bankName: "中国建设银行", accountNumber: bankCard(), amountRequested: "30000.00" });
    const executedAt = new Date();
    await updateFreeze(actor, { id, subId: fid, version: 1, status: "EXECUTED", executedAt: executedAt.toISOString() });
    let f = await getDb().freezeRequest.findUniqueOrThrow({ where: { id: fid } });
    expect(f.amountHeld.toFixed(2)).toBe("30000.00");
    expect(f.expiresAt!.getTime()).toBe(executedAt.getTime() + 48 * 3_600_000);
    expect((await getCase(actor, { id })).money.held).toBe("30000.00");
    await updateFreeze(actor, { id, subId: fid, version: 2, status: "RELEASED" });
    f = await getDb().freezeRequest.findUniqueOrThrow({ where: { id: fid } });
    expect(f.status).toBe("RELEASED");
    expect(f.releasedAt).not.toBeNull();
    expect((await getCase(actor, { id })).money.held).toBe("0.00");
    const kinds = (await getCase(actor, { id })).timeline.filter((e) => e.kind.startsWith("freeze")).map((e) => e.data.status ?? "requested");
    expect(kinds).toEqual(["RELEASED", "EXECUTED", "requested"]);
  });

  it.each([
    ["EXECUTED", "PARTIAL"], ["EXECUTED", "FAILED"], ["FAILED", "EXECUTED"], ["RELEASED", "EXECUTED"], ["EXPIRED", "RELEASED"],
  ] as const)("refuses %s → %s", async (from, to) => {
    const id = await newCase([{ name: "张三", lossAmount: "100.00" }]);
    const { id: fid } = await requestFreeze(team.investigator.actor, { id, kind: "FREEZE", bankName: "农业银行", accountNumber: bankCard(), amountRequested: "100.00" });
    await getDb().freezeRequest.update({ where: { id: fid }, data: { status: from } });
    const e = await rejection(updateFreeze(team.investigator.actor, { id, subId: fid, version: 1, status: to, amountHeld: "50.00" }));
    expect(e.status).toBe(409);
    expect(e.details[0]).toMatchObject({ code: "invalid_transition" });
  });

  it("checks the amounts: partial is strictly between nothing and all, never more than requested", async () => {
    const { actor } = team.investigator;
    const id = await newCase([{ name: "张三", lossAmount: "100.00" }]);
    const { id: fid } = await requestFreeze(actor, { id, kind: "STOP_PAYMENT", bankName: "农业银行", accountNumber: bankCard(), amountRequested: "100.00" });
    const before = await caseFootprint(team.branch.id, actor.id);
    for (const [input, code] of [
      [{ status: "PARTIAL", amountHeld: "100.01" }, "held_exceeds_requested"],
      [{ status: "PARTIAL", amountHeld: "100.00" }, "partial_out_of_range"],
      [{ status: "PARTIAL" }, "required"],
      [{ status: "EXECUTED", amountHeld: "99.99" }, "executed_needs_full_amount"],
      [{ status: "EXECUTED", expiresAt: "2000-01-02T00:00:00Z" }, "not_after_execution"],
    ] as const) {
      const e = await rejection(updateFreeze(actor, { id, subId: fid, version: 1, ...input }));
      expect(e.status, code).toBe(422);
      expect(e.details[0]!.code).toBe(code);
    }
    expect(await caseFootprint(team.branch.id, actor.id)).toEqual(before);
    await updateFreeze(actor, { id, subId: fid, version: 1, status: "PARTIAL", amountHeld: "33.33" });
    expect((await getCase(actor, { id })).money.held).toBe("33.33");
  });

  it("counts each account once when a stop-payment and the freeze after it hold the same money", async () => {
    const { actor } = team.investigator;
    const id = await newCase([{ name: "张三", lossAmount: "900.00" }]);
    const card = bankCard();
    const a = await requestFreeze(actor, { id, kind: "STOP_PAYMENT", bankName: "工商银行", accountNumber: card, amountRequested: "500.00" });
    await updateFreeze(actor, { id, subId: a.id, version: 1, status: "PARTIAL", amountHeld: "400.10" });
    const b = await requestFreeze(actor, { id, kind: "FREEZE", bankName: "工商银行", accountNumber: card, amountRequested: "400.10" });
    await updateFreeze(actor, { id, subId: b.id, version: 1, status: "EXECUTED" });
    const c = await requestFreeze(actor, { id, kind: "FREEZE", bankName: "建设银行", accountNumber: bankCard(), amountRequested: "0.20" });
    await updateFreeze(actor, { id, subId: c.id, version: 1, status: "EXECUTED" });
    expect((await getCase(actor, { id })).money.held).toBe("400.30");
  });
});

describe("recovered funds and the money summary", () => {
  it("shows loss, held, recovered and returned exactly, summed by the database", async () => {
    const { actor } = team.investigator;
    // The column's own limit, with the per-entry ceiling configured out of the way.
    vi.stubEnv("AMOUNT_CEILING_YUAN", "999999999999.99");
    onTestFinished(() => void vi.unstubAllEnvs());
    const id = await newCase([{ name: "王秀兰", lossAmount: "999999999999.98" }]);
    // The column's limit: one more fen would overflow, and is refused, not a 500.
    expect((await rejection(addVictim(actor, { id, name: "超额", lossAmount: "0.02" }))).details[0]).toMatchObject({ code: "total_too_large" });
    const second = await addVictim(actor, { id, name: "李建国", lossAmount: "0.01" });
    const victims = (await getCase(actor, { id })).victims;
    const first = victims[0]!.id;
    const amounts = ["0.10", "0.20", "123456789.07", "0.03"];
    for (const amount of amounts) await recordRecovery(actor, { id, amount, recoveredAt: new Date().toISOString(), method: "FROZEN_FUNDS" });
    await recordRecovery(actor, {
      id, amount: "0.01", recoveredAt: new Date(Date.now() - 60_000).toISOString(), method: "VOLUNTARY",
      victimId: second.id, returnedAmount: "0.01", returnedAt: new Date().toISOString(),
    });
    const r = await getDb().fundRecovery.findFirstOrThrow({ where: { caseId: id, amount: "0.20" } });
    await recordReturn(actor, { id, subId: r.id, version: 1, victimId: first, returnedAmount: "0.20", returnedAt: new Date().toISOString() });
    const c = await getCase(actor, { id });
    expect(c.money).toEqual({ loss: "999999999999.99", held: "0.00", recovered: addMoney(...amounts, "0.01"), returned: "0.21" });
    expect(c.money.recovered).toBe("123456789.41");
    expect(c.victims.map((v) => v.returned)).toEqual(["0.20", "0.01"]);
  });

  it("never returns more than was recovered, nor more to a victim than they lost — writing nothing", async () => {
    const { actor } = team.investigator;
    const id = await newCase([{ name: "王秀兰", lossAmount: "100.00" }]);
    const victim = (await getCase(actor, { id })).victims[0]!.id;
    const now = new Date().toISOString();
    await recordRecovery(actor, { id, amount: "80.00", recoveredAt: now, method: "SEIZED_CASH", victimId: victim, returnedAmount: "80.00", returnedAt: now });
    const before = await caseFootprint(team.branch.id, actor.id);
    const tooMuch = await rejection(recordRecovery(actor, { id, amount: "50.00", recoveredAt: now, method: "VOLUNTARY", victimId: victim, returnedAmount: "20.01", returnedAt: now }));
    expect(tooMuch.details[0]).toMatchObject({ path: "returnedAmount", code: "exceeds_loss" });
    const overRecovered = await rejection(recordRecovery(actor, { id, amount: "5.00", recoveredAt: now, method: "VOLUNTARY", victimId: victim, returnedAmount: "5.01", returnedAt: now }));
    expect(overRecovered.details[0]).toMatchObject({ path: "returnedAmount", code: "exceeds_recovered" });
    const noVictim = await rejection(recordRecovery(actor, { id, amount: "5.00", recoveredAt: now, method: "VOLUNTARY", returnedAmount: "5.00", returnedAt: now }));
    expect(noVictim.details[0]).toMatchObject({ path: "victimId", code: "required" });
    const other = await newCase([{ name: "外案", lossAmount: "10.00" }]);
    const foreignVictim = (await getCase(actor, { id: other })).victims[0]!.id;
    const wrongCase = await rejection(recordRecovery(actor, { id, amount: "5.00", recoveredAt: now, method: "VOLUNTARY", victimId: foreignVictim, returnedAmount: "5.00", returnedAt: now }));
    expect(wrongCase.details[0]).toMatchObject({ path: "victimId", code: "unknown_victim" });
    expect(await caseFootprint(team.branch.id, actor.id)).toEqual({ ...before, cases: before.cases + 1, victims: before.victims + 1, events: before.events + 2, audits: before.audits + 2 });
  });
});
