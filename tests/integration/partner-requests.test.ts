// Bank and carrier requests (issue 16 item 5), on real PostgreSQL: the request and its outbox
// message in one transaction; the 48 h flag of a stop-payment with no freeze following, on the
// command's clock; two branches kept apart; the losses-stopped figure counting the money once;
// and, last, the gateway simulator answering as the bank through the outbox's worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createCase } from "@/lib/cases/create-case";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { requestFromCase, requestFromWarning } from "@/lib/requests/create";
import { answerPartnerRequest } from "@/lib/requests/answer";
import { flagLapsedStopPayments, requestLapseKey } from "@/lib/requests/flag-lapsed";
import { getPartnerRequestDocument, listPartnerRequests } from "@/lib/requests/queries";
import { clusterOf } from "@/lib/contacts/queries";
import { directFigures } from "@/lib/stats/recount";
import { chinaToday } from "@/lib/time/china";
import type { Simulator } from "@/lib/outbound/simulator";
import { makeApiKey, makeUnitTree, makeUser, useOwnDatabase, warningInput, type TestTree } from "@/tests/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";
import { bankCard, caseInput, mobile } from "./cases-fixtures";
import { startOutbox, type Outbox } from "./outbound-fixtures";
import { until } from "./until";

const HOUR = 3_600_000;
const SECRET = "partner-requests-gateway-secret-of-32-bytes+";
let own: TestDatabase;
let release: () => void;
let tree: TestTree;
let investigator: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;
let dispatcher: Awaited<ReturnType<typeof makeUser>>;
let feed: Awaited<ReturnType<typeof makeApiKey>>;

beforeAll(async () => {
  own = await createTestDatabase("partner_requests");
  ({ release } = useOwnDatabase(own.url));
  tree = await makeUnitTree();
  forgetRoutingTable();
  investigator = await makeUser(tree.branches[0]!, "INVESTIGATOR");
  outsider = await makeUser(tree.branches[1]!, "INVESTIGATOR");
  dispatcher = await makeUser(tree.center, "DISPATCHER");
  feed = await makeApiKey(tree.city, ["warnings:ingest"]);
}, 60_000);

afterAll(async () => {
  await getDb().$disconnect();
  release();
  await own.drop();
});

const caseOfA = async () => (await createCase(investigator.actor, caseInput({ accounts: [] }))).id;
const stop = (account: string, over: Record<string, unknown> = {}) => ({
  kind: "STOP_PAYMENT", partnerName: "中国工商银行", target: account, holderName: "李某", amount: "1000.00", approverName: "刘局长", ...over,
});
async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const counts = async () => ({ requests: await getDb().partnerRequest.count(), messages: await getDb().outboundMessage.count({ where: { partnerRequestId: { not: null } } }) });
const protectedOf = async (unitId: string) => {
  const [r] = await getDb().$queryRaw<{ v: string | null }[]>`SELECT sum(value)::text AS v FROM stat_daily WHERE "unitId" = ${unitId}::uuid AND metric = 'pr.protected'`;
  return r?.v ?? "0";
};

describe("raising a request", () => {
  it("writes the request, its outbox message (channel BANK / CARRIER), the case's timeline and the audit in one transaction", async () => {
    const caseId = await caseOfA();
    const account = bankCard();
    const r = await requestFromCase(investigator.actor, { id: caseId, ...stop(account), reason: "被害人被骗后 30 分钟内报案" });
    expect(r.docNumber).toMatch(new RegExp(`^止付-${tree.branches[0]!.code}-\\d{4}-00001$`));
    const row = await getDb().partnerRequest.findUniqueOrThrow({ where: { id: r.id }, include: { outbound: true } });
    expect(row).toMatchObject({ kind: "STOP_PAYMENT", status: "SENT", caseId, unitId: tree.branches[0]!.id, target: account, handlerName: investigator.actor.displayName, approverName: "刘局长" });
    expect(row.legalBasis).toContain("反电信网络诈骗法");
    expect(row.deadlineAt!.getTime() - row.requestedAt.getTime()).toBe(48 * HOUR);
    expect(row.outbound).toHaveLength(1);
    const m = row.outbound[0]!;
    expect(m).toMatchObject({ channel: "BANK", status: "PENDING", recipient: "中国工商银行", warningId: null });
    expect(JSON.parse(m.body)).toMatchObject({ docNumber: r.docNumber, kind: "STOP_PAYMENT", target: account, amount: "1000.00", approver: "刘局长" });
    expect(await getDb().caseEvent.count({ where: { caseId, kind: "partner_request" } })).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "request.create", entityId: r.id } })).toBe(1);

    // A carrier's 停机 takes a phone number and goes out on the CARRIER channel; numbers run per kind.
    const phone = mobile();
    const s = await requestFromCase(investigator.actor, { id: caseId, kind: "SUSPEND", partnerName: "中国移动", target: phone, approverName: "刘局长" });
    expect(s.docNumber).toMatch(/^停机-.*-00001$/);
    expect((await getDb().outboundMessage.findFirstOrThrow({ where: { partnerRequestId: s.id } })).channel).toBe("CARRIER");
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const caseId = await caseOfA();
    const before = await counts();
    expect((await rejection(requestFromCase(investigator.actor, { id: caseId, ...stop("12345") }))).details.map((d) => d.path)).toContain("target");
    expect((await rejection(requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard(), { amount: undefined }) }))).details.map((d) => d.path)).toContain("amount");
    expect((await rejection(requestFromCase(investigator.actor, { id: caseId, kind: "VERIFY", partnerName: "中国联通", target: "12345", approverName: "刘局长" }))).details.map((d) => d.path)).toContain("target");
    expect((await rejection(requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard(), { approverName: "" }) }))).details.map((d) => d.path)).toContain("approverName");
    expect(await counts()).toEqual(before);
  });

  it("raises one from a warning (a dispatcher over it)", async () => {
    const [w] = await ingestWarnings(feed.actor, [warningInput({ unitCode: tree.branches[0]!.precincts[0]!.code })]);
    const r = await requestFromWarning(dispatcher.actor, { id: w!.id, ...stop(bankCard()) });
    const row = await getDb().partnerRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ warningId: w!.id, caseId: null, unitId: tree.branches[0]!.precincts[0]!.id, requestingAuthority: "测试反诈中心" });
    expect(await getDb().outboundMessage.count({ where: { partnerRequestId: r.id, channel: "BANK" } })).toBe(1);
    // The branch's investigators see it (their jurisdiction holds the precinct); the other branch's do not.
    expect((await listPartnerRequests(investigator.actor, { warningId: w!.id })).items.map((i) => i.id)).toEqual([r.id]);
    expect((await listPartnerRequests(outsider.actor, { warningId: w!.id })).items).toEqual([]);
  });
});

describe("the 48 hours of a stop-payment", () => {
  it("flags a stop-payment with no freeze at 48 h and not before (the command's clock), once; a freeze following clears it", async () => {
    const caseId = await caseOfA();
    const t0 = new Date(Date.now() - 60_000);
    const account = bankCard();
    const a = await requestFromCase(investigator.actor, { id: caseId, ...stop(account) }, { now: t0 });
    const b = await requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard()) }, { now: t0 });

    expect((await flagLapsedStopPayments(new Date(t0.getTime() + 48 * HOUR - 1))).flagged).toBe(0);
    const listed = await listPartnerRequests(investigator.actor, { caseId }, { now: new Date(t0.getTime() + 40 * HOUR) });
    expect(listed.items.map((i) => i.deadline)).toEqual(["lapsing", "lapsing"]);

    const at48 = new Date(t0.getTime() + 48 * HOUR);
    await Promise.all([flagLapsedStopPayments(at48), flagLapsedStopPayments(at48)]);
    await flagLapsedStopPayments(new Date(t0.getTime() + 50 * HOUR));
    const rows = await getDb().partnerRequest.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, lapseFlaggedAt: true } });
    expect(rows.map((r) => r.lapseFlaggedAt?.getTime())).toEqual([at48.getTime(), at48.getTime()]);
    expect(await getDb().notification.count({ where: { dedupeKey: requestLapseKey(a.id), userId: investigator.user.id } })).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "request.lapse_flagged", entityId: a.id } })).toBe(1);
    expect((await listPartnerRequests(investigator.actor, { flag: "lapsed", caseId })).items).toHaveLength(2);

    // A freeze of A's account follows A: A's flag is cleared and stays cleared.
    const f = await requestFromCase(investigator.actor, { id: caseId, ...stop(account, { kind: "FREEZE" }) });
    expect((await getDb().partnerRequest.findUniqueOrThrow({ where: { id: f.id } })).followsId).toBe(a.id);
    await flagLapsedStopPayments(new Date(t0.getTime() + 60 * HOUR));
    const after = await listPartnerRequests(investigator.actor, { caseId }, { now: new Date(t0.getTime() + 60 * HOUR) });
    expect(after.items.find((i) => i.id === a.id)).toMatchObject({ deadline: null, followedBy: [{ id: f.id }] });
    expect(after.items.find((i) => i.id === b.id)!.deadline).toBe("lapsed");
    expect((await listPartnerRequests(investigator.actor, { flag: "lapsed", caseId })).items.map((i) => i.id)).toEqual([b.id]);
  });

  it("runs the 48 hours from the bank's execution once it answers", async () => {
    const caseId = await caseOfA();
    const t0 = new Date(Date.now() - 2 * HOUR);
    const r = await requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard()) }, { now: t0 });
    const executed = new Date(t0.getTime() + HOUR);
    await answerPartnerRequest(investigator.actor, { id: r.id, version: 1, result: "ACCEPTED", answeredAt: executed.toISOString() });
    expect((await flagLapsedStopPayments(new Date(t0.getTime() + 48 * HOUR))).flagged).toBe(0);
    expect((await flagLapsedStopPayments(new Date(executed.getTime() + 48 * HOUR))).flagged).toBe(1);
  });
});

describe("two branches", () => {
  it("cannot see or touch each other's requests (404 and an audited denial)", async () => {
    const caseId = await caseOfA();
    const r = await requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard()) });
    expect((await listPartnerRequests(investigator.actor, {})).items.map((i) => i.id)).toContain(r.id);
    expect((await listPartnerRequests(outsider.actor, {})).items.map((i) => i.id)).not.toContain(r.id);
    expect((await rejection(getPartnerRequestDocument(outsider.actor, { id: r.id, reason: "打印协查文书送达银行" }))).code).toBe("NOT_FOUND");
    expect((await rejection(answerPartnerRequest(outsider.actor, { id: r.id, version: 1, result: "ACCEPTED" }))).code).toBe("NOT_FOUND");
    const before = await counts();
    expect((await rejection(requestFromCase(outsider.actor, { id: caseId, ...stop(bankCard()) }))).code).toBe("NOT_FOUND");
    expect(await counts()).toEqual(before);
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", entityId: r.id, actorId: outsider.user.id } })).toBe(2);
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", entityId: caseId, actorId: outsider.user.id } })).toBe(1);

    // The own side reads the document, numbers in full, with a reason, audited with it (B10).
    expect((await rejection(getPartnerRequestDocument(investigator.actor, { id: r.id }))).details.map((d) => d.path)).toEqual(["reason"]);
    const doc = await getPartnerRequestDocument(investigator.actor, { id: r.id, reason: "打印协查文书送达银行" });
    expect(doc.targetFull).toMatch(/^\d{19}$/);
    expect(doc.target).toContain("*");
    const audits = await getDb().auditLog.findMany({ where: { action: "request.document", entityId: r.id }, select: { details: true } });
    expect(audits).toEqual([{ details: expect.objectContaining({ reason: "打印协查文书送达银行" }) }]);
  });
});

describe("losses stopped", () => {
  it("counts a stop-payment and the freeze that follows it once, on the day of the answer", async () => {
    const unit = tree.branches[0]!;
    const caseId = await caseOfA();
    const account = bankCard();
    const day = chinaToday();
    const figure = async () => (await directFigures(unit.path, { from: day, to: day })).lossStopped;
    const [before, rollupBefore] = [await figure(), await protectedOf(unit.id)];

    const s = await requestFromCase(investigator.actor, { id: caseId, ...stop(account, { amount: "1000.00" }) });
    await answerPartnerRequest(investigator.actor, { id: s.id, version: 1, result: "ACCEPTED", amountStopped: "800.00" });
    const f = await requestFromCase(investigator.actor, { id: caseId, ...stop(account, { kind: "FREEZE", amount: "1000.00" }) });
    await answerPartnerRequest(investigator.actor, { id: f.id, version: 1, result: "ACCEPTED", amountStopped: "1000.00" });
    // A rejected request and a carrier's protect nothing.
    const x = await requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard()) });
    await answerPartnerRequest(investigator.actor, { id: x.id, version: 1, result: "REJECTED", reason: "账户已销户" });

    const rows = await getDb().partnerRequest.findMany({ where: { id: { in: [s.id, f.id, x.id] } }, select: { id: true, amountProtected: true, status: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(String(byId.get(s.id)!.amountProtected)).toBe("800");
    expect(String(byId.get(f.id)!.amountProtected)).toBe("200"); // the freeze holds 200 more than the stop-payment did
    expect(byId.get(x.id)).toMatchObject({ status: "REJECTED" });
    expect(Number(await protectedOf(unit.id)) - Number(rollupBefore)).toBe(1000);
    expect(Number(await figure()) - Number(before)).toBe(1000);

    // An answer comes once: a second one is a 409, nothing moves.
    expect((await rejection(answerPartnerRequest(investigator.actor, { id: f.id, version: 2, result: "ACCEPTED" }))).code).toBe("CONFLICT");
    expect(Number(await protectedOf(unit.id)) - Number(rollupBefore)).toBe(1000);
  });
});

describe("the bank's answer through the outbox", () => {
  let sim: Simulator;
  let outbox: Outbox;

  beforeAll(async () => {
    // The bank rejects the requests on holder "拒绝", and holds half of what a holder "部分" asks.
    outbox = await startOutbox({
      secret: SECRET, databaseUrl: own.url,
      simulator: {
        delayMs: 30, failureRate: 0.3,
        partnerAnswer: (m) => {
          const body = JSON.parse(m.text) as { holderName?: string; amount?: string };
          if (body.holderName === "拒绝") return { result: "REJECTED", reason: "账户已销户" };
          if (body.holderName === "部分") return { result: "ACCEPTED", amountStopped: (Number(body.amount) / 2).toFixed(2) };
          return undefined;
        },
      },
    });
    sim = outbox.sim;
  }, 60_000);

  afterAll(async () => {
    await outbox?.stop();
  });


  it("delivers each request once; the partner's answer updates it (accepted with the amount held, or rejected with its reason)", async () => {
    const caseId = await caseOfA();
    const full = await requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard(), { amount: "500.00" }) });
    const half = await requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard(), { holderName: "部分", amount: "300.00" }) });
    const refused = await requestFromCase(investigator.actor, { id: caseId, ...stop(bankCard(), { holderName: "拒绝" }) });
    const carrier = await requestFromCase(investigator.actor, { id: caseId, kind: "VERIFY", partnerName: "中国电信", target: mobile(), approverName: "刘局长" });
    const settled = (id: string) => until(`the answer to ${id}`, async () => {
      const r = await getDb().partnerRequest.findUniqueOrThrow({ where: { id } });
      return r.status !== "SENT" ? r : null;
    });
    expect(await settled(full.id)).toMatchObject({ status: "ACCEPTED" });
    expect(String((await settled(full.id)).amountStopped)).toBe("500");
    expect(String((await settled(half.id)).amountStopped)).toBe("150");
    expect(String((await settled(half.id)).amountProtected)).toBe("150");
    expect(await settled(refused.id)).toMatchObject({ status: "REJECTED", answerReason: "账户已销户", amountStopped: null });
    expect(await settled(carrier.id)).toMatchObject({ status: "ACCEPTED", amountStopped: null });
    // Once each at the gateway, whatever its failures; the message itself is DELIVERED with the partner's result.
    for (const id of [full.id, half.id, refused.id, carrier.id]) {
      const m = await getDb().outboundMessage.findFirstOrThrow({ where: { partnerRequestId: id } });
      expect(sim.messages().filter((s) => s.idempotencyKey === m.id)).toHaveLength(1);
      expect(m.status).toBe("DELIVERED");
    }
    expect((await getDb().outboundMessage.findFirstOrThrow({ where: { partnerRequestId: refused.id } })).result).toBe("REJECTED");
    expect(await getDb().caseEvent.count({ where: { caseId, kind: "partner_answer" } })).toBe(4);
  }, 60_000);
});

describe("串并案: the account or number a request names", () => {
  it("is a fraud contact of the request's case or warning: a warning naming the same account shares its cluster, within each reader's jurisdiction", async () => {
    const [p0, p1] = [tree.branches[0]!.precincts[0]!, tree.branches[1]!.precincts[0]!];
    const ingest = async (unitCode: string, contact: { channel: string; value: string }) =>
      (await ingestWarnings(feed.actor, [warningInput({ unitCode, contact, receivedAt: new Date().toISOString() })]))[0]!.id;
    const contactOf = (kind: "BANK_ACCOUNT" | "PHONE", value: string) => getDb().fraudContact.findUnique({ where: { kind_value: { kind, value } } });
    const ids = (c: Awaited<ReturnType<typeof clusterOf>>) => ({ warnings: (c?.warnings ?? []).map((w) => w.id).sort(), cases: (c?.cases ?? []).map((k) => k.id) });

    // A warning of branch 0 names the account; a stop-payment of a branch 0 case names it too.
    const account = bankCard();
    const named = await ingest(p0.code, { channel: "BANK_ACCOUNT", value: account });
    const caseId = await caseOfA();
    await requestFromCase(investigator.actor, { id: caseId, ...stop(account) });
    const acct = (await contactOf("BANK_ACCOUNT", account))!;
    expect(await getDb().caseContact.count({ where: { contactId: acct.id, caseId } })).toBe(1);
    expect(await getDb().caseEvent.count({ where: { caseId, kind: "contact_added" } })).toBe(1);
    expect(ids(await clusterOf(investigator.actor, acct.id, {}, new Date()))).toEqual({ warnings: [named], cases: [caseId] });
    // Branch 1 sees none of it.
    expect(await clusterOf(outsider.actor, acct.id, {}, new Date())).toBeNull();

    // A 停机 request from a branch 1 warning links its number to that warning; a branch 1 warning
    // naming the number shares the cluster, which branch 0 does not see.
    const phone = mobile();
    const from = await ingest(p1.code, { channel: "PHONE", value: "+85261000001" });
    const other = await ingest(p1.code, { channel: "PHONE", value: phone });
    await requestFromWarning(dispatcher.actor, { id: from, kind: "SUSPEND", partnerName: "中国移动", target: phone, approverName: "刘局长" });
    const num = (await contactOf("PHONE", phone))!;
    expect(await getDb().warningContact.count({ where: { contactId: num.id } })).toBe(2);
    expect(ids(await clusterOf(outsider.actor, num.id, {}, new Date()))).toEqual({ warnings: [from, other].sort(), cases: [] });
    expect(await clusterOf(investigator.actor, num.id, {}, new Date())).toBeNull();
    // A refused request links nothing.
    const before = await getDb().warningContact.count();
    await rejection(requestFromWarning(dispatcher.actor, { id: from, kind: "SUSPEND", partnerName: "中国移动", target: mobile(), approverName: "" }));
    expect(await getDb().warningContact.count()).toBe(before);
  });
});
