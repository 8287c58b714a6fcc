// The field tasks a warning's resolution leaves (回访 revisits, the APP回访 follow-up) stay right
// whatever runs at the same time or comes after: a rescheduled revisit is made again when the
// warning is dissuaded again; an external transfer cancels the open revisits; a reschedule and a
// resolution at once leave nothing open; an app recorded while the follow-up is opened closes it;
// a person merge keeps the follow-up with the app and the outreach visit made.
// Races are forced with the audit chain's lock (./races).
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { makeIdNumber } from "@/lib/pii";
import { uuidv7 } from "@/lib/ids";
import { recordAppFollowUpOutcome } from "@/lib/appfollowups/record-outcome";
import { logWarningAction, transitionWarning } from "@/lib/warnings/commands";
import { proposeTransfer } from "@/lib/warnings/transfers";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordRevisitOutcome } from "@/lib/revisits/record-outcome";
import { fieldTeam, inDays, intercept, key, precinctWarning, visit, type FieldTeam } from "./field-fixtures";
import { race } from "./races";

let field: FieldTeam;
beforeAll(async () => {
  field = await fieldTeam();
});

const warningVersion = async (id: string) => (await getDb().warning.findUniqueOrThrow({ where: { id } })).version;
const openRevisits = (warningId: string) => getDb().revisit.findMany({ where: { warningId, status: "OPEN" }, select: { sequence: true, attempt: true } });

/** A warning of the team's precinct dissuaded at a home visit (revisits 1 and 2 open, the app recorded). */
async function dissuaded() {
  const w = await precinctWarning(field);
  await recordHomeVisit(field.officer.actor, { id: w.id, ...visit() }, key());
  return w;
}

/** The dispatcher reopens the warning to check it again (its revisits stay open meanwhile). */
async function reopen(id: string, note: string) {
  await transitionWarning(field.dispatcher.actor, { id, to: "IN_PROGRESS", version: await warningVersion(id), note });
}

describe("回访: a revisit rescheduled after 暂时找不到 is due again when the warning is dissuaded again", () => {
  it("after attempt 2 was cancelled by a false positive, a new DISSUADED reopens attempt 2 of revisit 1 and attempt 1 of revisit 2", async () => {
    const w = await dissuaded();
    const first = await getDb().revisit.findFirstOrThrow({ where: { warningId: w.id, sequence: 1, attempt: 1 } });
    await recordRevisitOutcome(field.officer.actor, { id: first.id, version: first.version, outcome: "TEMP_UNREACHABLE", rescheduleOn: inDays(3) });

    const d = field.dispatcher.actor;
    await reopen(w.id, "核实为误报");
    await transitionWarning(d, { id: w.id, to: "RESOLVED", outcome: "FALSE_POSITIVE", version: await warningVersion(w.id) });
    expect(await openRevisits(w.id)).toEqual([]);
    await reopen(w.id, "复核后确认为诈骗");
    await transitionWarning(d, { id: w.id, to: "RESOLVED", outcome: "DISSUADED", version: await warningVersion(w.id) });

    const rows = await getDb().revisit.findMany({ where: { warningId: w.id }, orderBy: [{ sequence: "asc" }, { attempt: "asc" }] });
    expect(rows.map((r) => [r.sequence, r.attempt, r.status])).toEqual([[1, 1, "DONE"], [1, 2, "OPEN"], [2, 1, "OPEN"]]);
    // Due again from the new dissuasion, as the first attempts were, not on the day once rescheduled.
    expect(rows[1]!.dueOn).toEqual(rows[0]!.dueOn);
  });
});

describe("回访: a warning transferred out of the city has no revisits left open", () => {
  it("a dissuaded warning reopened and then transferred out (TRANSFERRED_OUT) cancels its open revisits, as every other resolution does", async () => {
    const w = await dissuaded();
    expect(await openRevisits(w.id)).toHaveLength(2);
    await reopen(w.id, "当事人再次来电，称已回原籍");
    // The centre's own external transfer is final: the warning is RESOLVED TRANSFERRED_OUT.
    await proposeTransfer(field.dispatcher.actor, { id: w.id, version: await warningVersion(w.id), destination: "外省 西安市公安局", reason: "当事人已返回西安常住" });
    expect(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: "RESOLVED", outcome: "TRANSFERRED_OUT" });
    expect(await getDb().revisit.findMany({ where: { warningId: w.id }, select: { status: true } })).toEqual([{ status: "CANCELLED" }, { status: "CANCELLED" }]);
  });

  it("a revisit left open on a transferred-out warning (before this was so) is not rescheduled: 409 warning_not_dissuaded", async () => {
    const w = await dissuaded();
    // What an external transfer left before it cancelled the revisits.
    await getDb().warning.update({ where: { id: w.id }, data: { outcome: "TRANSFERRED_OUT" } });
    const first = await getDb().revisit.findFirstOrThrow({ where: { warningId: w.id, sequence: 1, attempt: 1 } });
    const refused = await recordRevisitOutcome(field.officer.actor, { id: first.id, version: first.version, outcome: "TEMP_UNREACHABLE", rescheduleOn: inDays(3) })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(409);
    expect(refused).toMatchObject({ details: [{ path: "rescheduleOn", code: "warning_not_dissuaded" }] });
    expect(await openRevisits(w.id)).toEqual([{ sequence: 1, attempt: 1 }, { sequence: 2, attempt: 1 }]);
  });
});

describe("回访: a resolution cancels every open revisit, even one rescheduled at that moment", () => {
  it("an attempt 2 rescheduled while a dispatcher resolves the reopened warning FALSE_POSITIVE is cancelled too", async () => {
    const w = await dissuaded();
    await reopen(w.id, "核实是否误报");
    const first = await getDb().revisit.findFirstOrThrow({ where: { warningId: w.id, sequence: 1, attempt: 1 } });
    const version = await warningVersion(w.id);
    // The officer records 暂时找不到 with a new day (the warning held, revisit 1 done, attempt 2
    // written, at its audit record); the dispatcher's resolution waits for the warning, then cancels.
    const [rescheduled, resolved] = await race<unknown>([
      () => recordRevisitOutcome(field.officer.actor, { id: first.id, version: first.version, outcome: "TEMP_UNREACHABLE", rescheduleOn: inDays(3) }),
      () => transitionWarning(field.dispatcher.actor, { id: w.id, to: "RESOLVED", outcome: "FALSE_POSITIVE", version }),
    ]);
    expect(rescheduled).toMatchObject({ next: { dueOn: inDays(3) } });
    expect(resolved).toMatchObject({ status: "RESOLVED" });
    expect(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: "RESOLVED", outcome: "FALSE_POSITIVE" });
    expect(await openRevisits(w.id)).toEqual([]);
  });

  it("a reschedule that waits on the resolution finds the revisit cancelled (409 revisit_cancelled) and makes no attempt 2", async () => {
    const w = await dissuaded();
    await reopen(w.id, "核实是否误报");
    const first = await getDb().revisit.findFirstOrThrow({ where: { warningId: w.id, sequence: 1, attempt: 1 } });
    const version = await warningVersion(w.id);
    const [resolved, rescheduled] = await race<unknown>([
      () => transitionWarning(field.dispatcher.actor, { id: w.id, to: "RESOLVED", outcome: "FALSE_POSITIVE", version }),
      () => recordRevisitOutcome(field.officer.actor, { id: first.id, version: first.version, outcome: "TEMP_UNREACHABLE", rescheduleOn: inDays(3) }),
    ]);
    expect(resolved).toMatchObject({ status: "RESOLVED" });
    expect(rescheduled).toBeInstanceOf(AppError);
    expect((rescheduled as AppError).status).toBe(409);
    expect(rescheduled).toMatchObject({ details: [{ path: "status", code: "revisit_cancelled" }] });
    expect(await getDb().revisit.count({ where: { warningId: w.id, attempt: 2 } })).toBe(0);
    expect(await openRevisits(w.id)).toEqual([]);
  });
});

describe("APP回访: an app recorded while the person's follow-up is opened closes it", () => {
  /** A warning signed for and dissuaded by a 96110 call: resolving it DISSUADED opens the follow-up. */
  async function calledAndDissuaded() {
    const w = await precinctWarning(field);
    const d = field.dispatcher.actor;
    await transitionWarning(d, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    await logWarningAction(d, { id: w.id, kind: "HOTLINE_CALL", result: "DISSUADED" });
    return { w, version: await warningVersion(w.id) };
  }
  const resolve = (id: string, version: number) => transitionWarning(field.dispatcher.actor, { id, to: "RESOLVED", outcome: "DISSUADED", version });
  const interceptApp = (phone: string) => recordCounterIntercept(field.officer.actor, intercept({ customerPhone: phone }), key());

  async function expectInstalled(personId: string) {
    // The interception is the person's, with the app recorded.
    expect(await getDb().dissuasionAction.count({ where: { kind: "COUNTER_INTERCEPT", personId, appRegistered: true } })).toBe(1);
    const f = await getDb().appFollowUp.findUniqueOrThrow({ where: { personId } });
    expect([f.status, f.outcome]).toEqual(["DONE", "INSTALLED"]);
  }

  it("a counter interception recording the app while a dispatcher resolves the person's warning DISSUADED closes the follow-up opened", async () => {
    const { w, version } = await calledAndDissuaded();
    const [resolved, intercepted] = await race<unknown>([() => resolve(w.id, version), () => interceptApp(w.victimPhone)]);
    expect(resolved).toMatchObject({ status: "RESOLVED" });
    expect(intercepted).not.toBeInstanceOf(AppError);
    await expectInstalled(w.personId!);
  });

  it("a resolution waiting on an interception that recorded the app opens the follow-up done (INSTALLED)", async () => {
    const { w, version } = await calledAndDissuaded();
    const [intercepted, resolved] = await race<unknown>([() => interceptApp(w.victimPhone), () => resolve(w.id, version)]);
    expect(resolved).toMatchObject({ status: "RESOLVED" });
    expect(intercepted).not.toBeInstanceOf(AppError);
    await expectInstalled(w.personId!);
  });
});

describe("persons merged: the work done for either person stays", () => {
  const mobile = () => `13${randomInt(5, 10)}${String(randomInt(0, 1e8)).padStart(8, "0")}`;
  const idNumber = () => makeIdNumber("420303", new Date(Date.UTC(randomInt(1940, 2006), randomInt(0, 12), randomInt(1, 29))), randomInt(0, 1000));

  it("merging a phone-only person whose follow-up recorded the app into an ID's person whose follow-up was refused keeps the installation", async () => {
    const phone = mobile();
    const id = idNumber();
    // A: known by the mobile only, dissuaded at a visit that installed the app (follow-up DONE INSTALLED).
    const aw = await dissuadedPerson({ name: "刘某某", phone });
    const a = await getDb().appFollowUp.findUniqueOrThrow({ where: { personId: aw.personId! } });
    expect([a.status, a.outcome]).toEqual(["DONE", "INSTALLED"]);
    // B: known by the ID number, dissuaded without the app, then refused it (follow-up DONE REFUSED).
    const bw = await precinctWarning(field, { victim: { name: "刘某某", phone: mobile(), idNumber: id } });
    await recordHomeVisit(field.officer.actor, { id: bw.id, ...visit({ appRegistered: false }) }, key());
    const b = await getDb().appFollowUp.findUniqueOrThrow({ where: { personId: bw.personId! } });
    await recordAppFollowUpOutcome(field.officer.actor, { id: b.id, version: b.version, outcome: "REFUSED", note: "老人不会用智能手机" }, key());

    // The mobile turns up with the ID number: A is merged into B.
    const merged = await precinctWarning(field, { victim: { name: "刘某某", phone, idNumber: id } });
    expect(merged.personId).toBe(bw.personId);
    expect(await getDb().appFollowUp.findMany({ where: { personId: bw.personId! }, select: { id: true, outcome: true } })).toEqual([{ id: a.id, outcome: "INSTALLED" }]);
  });

  it("merging a phone-only person visited in an outreach into an ID's person still to visit in it keeps the visit made", async () => {
    const phone = mobile();
    const id = idNumber();
    const aw = await dissuadedPerson({ name: "张某某", phone });
    const bw = await dissuadedPerson({ name: "张某某", phone: mobile(), idNumber: id });
    // One outreach with a task for each: A's visited, B's still open.
    const campaign = await getDb().outreachCampaign.create({
      data: { id: uuidv7(), unitId: field.precinct.id, label: "ELDERLY_ALONE", notContactedDays: 30, title: "独居老人定向走访", taskCount: 2 },
    });
    const task = (personId: string, done: boolean) => ({
      id: uuidv7(), campaignId: campaign.id, personId, unitId: field.precinct.id,
      ...(done ? { status: "DONE" as const, outcome: "VISITED" as const, doneAt: new Date(), doneById: field.officer.user.id } : {}),
    });
    const visited = await getDb().outreachTask.create({ data: task(aw.personId!, true) });
    await getDb().outreachTask.create({ data: task(bw.personId!, false) });

    const merged = await precinctWarning(field, { victim: { name: "张某某", phone, idNumber: id } });
    expect(merged.personId).toBe(bw.personId);
    expect(await getDb().outreachTask.findMany({ where: { campaignId: campaign.id }, select: { id: true, personId: true, status: true } }))
      .toEqual([{ id: visited.id, personId: bw.personId, status: "DONE" }]);
  });

  /** A person's warning dissuaded at a home visit that recorded the app. */
  async function dissuadedPerson(victim: Record<string, string>) {
    const w = await precinctWarning(field, { victim });
    await recordHomeVisit(field.officer.actor, { id: w.id, ...visit() }, key());
    return w;
  }
});
