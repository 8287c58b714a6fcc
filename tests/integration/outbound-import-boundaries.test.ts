// Outbound channels and publicity imports where a hostile tester's round found them wrong: receipts
// dated before their message, a salutation cut mid-character, an import overwriting a count entered
// after its preview, two commits at once reporting conflicts.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, sqlTransaction } from "@/lib/db";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { createCase } from "@/lib/cases/create-case";
import { requestFromCase } from "@/lib/requests/create";
import { applyReceipt } from "@/lib/outbound/receipts";
import { addDays, chinaToday } from "@/lib/time/china";
import { commitImportChunk, previewImportChunk } from "@/lib/publicity/import-counts";
import { setDailyCount } from "@/lib/publicity/counts";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";
import { bankCard, caseInput } from "./cases-fixtures";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
}, 60_000);

const today = chinaToday();
const day = (n: number) => addDays(today, -n);
const rows = (list: [string, string, string][]) => list.map(([d, unitCode, count], i) => ({ line: i + 2, day: d, unitCode, count }));

describe("outbound receipts", () => {
  it("a gateway receipt dated before the request cannot answer it (the hand-entered answer refuses the same)", async () => {
    const investigator = await makeUser(tree.branches[0]!, "INVESTIGATOR");
    const caseId = (await createCase(investigator.actor, caseInput({ accounts: [] }))).id;
    const r = await requestFromCase(investigator.actor, {
      id: caseId, kind: "STOP_PAYMENT", partnerName: "中国工商银行", target: bankCard(), holderName: "李某", amount: "1000.00", approverName: "刘局长",
    });
    const m = await getDb().outboundMessage.findFirstOrThrow({ where: { partnerRequestId: r.id } });
    const req = await getDb().partnerRequest.findUniqueOrThrow({ where: { id: r.id } });
    // A receipt whose clock lies 30 days before the request (a skewed or replayed gateway).
    const at = new Date(req.requestedAt.getTime() - 30 * 24 * 3600_000);
    const outcome = await sqlTransaction(getDb(), (sql) => applyReceipt(sql, { messageId: m.id, result: "ACCEPTED", at }).catch((e: unknown) => e));
    const after = await getDb().partnerRequest.findUniqueOrThrow({ where: { id: r.id } });
    // Either the receipt is refused, or the answer is not dated before the request it answers.
    if (outcome === "applied") {
      expect(after.answeredAt!.getTime()).toBeGreaterThanOrEqual(req.requestedAt.getTime());
      // The 48 h hold runs from the answer: it must not already be over at the moment the request was made.
      expect(after.deadlineAt!.getTime()).toBeGreaterThan(req.requestedAt.getTime());
    }
  });

  it("a person's delivery receipt dated before the warning puts no dissuasion action before the warning", async () => {
    const feed = await makeApiKey(tree.city, ["warnings:ingest"]);
    const [w] = await ingestWarnings(feed.actor, [warningInput({ unitCode: tree.branches[0]!.precincts[0]!.code, riskLevel: "MEDIUM" })]);
    const warning = await getDb().warning.findUniqueOrThrow({ where: { id: w!.id } });
    const sms = await getDb().outboundMessage.findFirstOrThrow({ where: { warningId: w!.id, channel: "SMS" } });
    const at = new Date(warning.receivedAt.getTime() - 365 * 24 * 3600_000);
    await sqlTransaction(getDb(), (sql) => applyReceipt(sql, { messageId: sms.id, result: "DELIVERED", at }).catch(() => null));
    const actions = await getDb().dissuasionAction.findMany({ where: { warningId: w!.id } });
    for (const a of actions) expect(a.occurredAt.getTime()).toBeGreaterThanOrEqual(warning.receivedAt.getTime());
  });

  it("the SMS salutation of a victim whose surname lies outside the BMP is not a broken character", async () => {
    const feed = await makeApiKey(tree.city, ["warnings:ingest"]);
    // 𠮷 (U+20BB7) is a real surname character (a UTF-16 surrogate pair).
    const input = warningInput({ unitCode: tree.branches[0]!.precincts[0]!.code, riskLevel: "MEDIUM" });
    const [w] = await ingestWarnings(feed.actor, [{ ...input, victim: { ...(input.victim as object), name: "𠮷小明", gender: "MALE" } }]);
    const sms = await getDb().outboundMessage.findFirstOrThrow({ where: { warningId: w!.id, channel: "SMS" } });
    expect(sms.body).not.toContain("\uFFFD");
    expect(sms.body).toContain("𠮷先生");
  });
});

describe("publicity imports", () => {
  it("a commit does not overwrite a count entered by hand after the preview said the row was new", async () => {
    const { actor } = await makeUser(tree.center, "DISPATCHER");
    const unit = tree.branches[1]!.precincts[0]!;
    const file = rows([[day(40), unit.code, "7"]]);
    const preview = await previewImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: file });
    expect(preview).toMatchObject({ created: 1, changed: [] });
    // Meanwhile an officer of the precinct records the day by hand.
    const officer = await makeUser(unit, "OFFICER");
    await setDailyCount(officer.actor, { metric: "APP_REGISTRATIONS", day: day(40), count: "50" });
    // The user confirms the preview (no changed rows were shown to them): the hand-entered 50 must stand.
    const commit = await commitImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: file, updateChanged: true });
    const stored = await getDb().dailyCount.findFirstOrThrow({ where: { unitId: unit.id, metric: "APP_REGISTRATIONS", day: new Date(`${day(40)}T00:00:00Z`) } });
    expect({ count: stored.count, updated: commit.updated }).toEqual({ count: 50, updated: 0 });
  });

  it("two commits of the same file at once report the second's rows as unchanged, not as conflicts", async () => {
    const { actor } = await makeUser(tree.center, "DISPATCHER");
    const unit = tree.branches[1]!.precincts[1]!;
    const file = rows(Array.from({ length: 20 }, (_, i) => [day(60 + i), unit.code, String(10 + i)] as [string, string, string]));
    const [a, b] = await Promise.all([
      commitImportChunk(actor, { metric: "CONSULTATION_CALLS", rows: file, updateChanged: false }),
      commitImportChunk(actor, { metric: "CONSULTATION_CALLS", rows: file, updateChanged: false }),
    ]);
    // Every stored count equals the file: nothing conflicts.
    expect(a.conflict + b.conflict).toBe(0);
    expect(a.created + b.created).toBe(20);
  });
});
