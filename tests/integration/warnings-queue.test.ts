// The dispatcher's shift (issue 12, items 6–11): paging the queue, the unit filter, the queue's
// order, the dispatch note, the live alert state and the notifications list.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { dispatchWarning, transitionWarning } from "@/lib/warnings/commands";
import { listWarnings, QUEUE_TOTAL_LIMIT, queueCounts } from "@/lib/warnings/queries";
import { escalateBreaches } from "@/lib/warnings/escalate";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { queueRank } from "@/lib/warnings/sla";
import { alertPrefs, alertState, setAlertPrefs } from "@/lib/warnings/alerts";
import { listNotificationGroups, openNotifications } from "@/lib/notifications/queries";
import { pinyinInitials, unitOptions } from "@/lib/units/picker-options";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";

let tree: TestTree;
let far: TestTree;
let feed: Awaited<ReturnType<typeof makeApiKey>>;
let dispatcher: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  tree = await makeUnitTree();
  far = await makeUnitTree();
  forgetRoutingTable();
  feed = await makeApiKey(tree.city, ["warnings:ingest"]);
  dispatcher = await makeUser(tree.center, "DISPATCHER");
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const precinct = (b: number, p: number) => tree.branches[b]!.precincts[p]!;

async function ingest(over: Record<string, unknown>[]): Promise<string[]> {
  const results = await ingestWarnings(feed.actor, over.map((o) => warningInput(o)));
  return results.map((r) => {
    expect(r.status).toBe("created");
    return r.id!;
  });
}

/** Every page of a view, following nextCursor; checks that each page reports the same total. */
async function allPages(query: Record<string, unknown>) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let total = -1;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listWarnings(dispatcher.actor, { ...query, ...(cursor ? { cursor } : {}) });
    if (total >= 0) expect(page.total).toBe(total);
    total = page.total;
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { ids, total };
}

describe("the queue pages past 50 rows and says how many there are", () => {
  it("walks the open queue by cursor: every warning once, in the one-page order, with the total", async () => {
    const unit = precinct(0, 0).code;
    const risks = ["LOW", "CRITICAL", "MEDIUM", "HIGH", "LOW", "CRITICAL", "HIGH"];
    const ids = await ingest(risks.map((riskLevel, i) => ({ unitCode: unit, riskLevel, receivedAt: minutesAgo(i * 7) })));
    const whole = await listWarnings(dispatcher.actor, { unit, limit: 200 });
    expect(whole.total).toBe(7);
    expect(whole.nextCursor).toBeNull();
    const paged = await allPages({ unit, limit: 3 });
    expect(paged.total).toBe(7);
    expect(paged.ids).toEqual(whole.items.map((r) => r.id));
    expect(new Set(paged.ids)).toEqual(new Set(ids));
  });

  it("counts a view up to QUEUE_TOTAL_LIMIT and says when it holds more (a burst's 100 k open warnings are not each read for the header)", async () => {
    // A city of its own: its thousand warnings stay out of the other tests' views and clocks.
    const own = await makeUnitTree();
    forgetRoutingTable();
    const [ownFeed, ownDispatcher] = [await makeApiKey(own.city, ["warnings:ingest"]), await makeUser(own.center, "DISPATCHER")];
    const unitCode = own.branches[0]!.precincts[0]!.code;
    const fill = async (n: number) => {
      const results = await ingestWarnings(ownFeed.actor, Array.from({ length: n }, () => warningInput({ unitCode })));
      expect(results.every((r) => r.status === "created")).toBe(true);
    };
    await fill(QUEUE_TOTAL_LIMIT);
    const full = await listWarnings(ownDispatcher.actor, { limit: 10 });
    expect([full.total, full.totalCapped]).toEqual([QUEUE_TOTAL_LIMIT, false]);
    await fill(1);
    const over = await listWarnings(ownDispatcher.actor, { limit: 10 });
    expect([over.total, over.totalCapped, over.items.length]).toEqual([QUEUE_TOTAL_LIMIT, true, 10]);
  });

  it("pages the resolved history newest first", async () => {
    const unit = precinct(0, 1).code;
    const ids = await ingest([0, 1, 2, 3, 4].map((i) => ({ unitCode: unit, receivedAt: minutesAgo(10 + i) })));
    for (const id of ids) {
      let v = 1;
      for (const [to, extra] of [["ACKNOWLEDGED", {}], ["IN_PROGRESS", {}], ["RESOLVED", { outcome: "DISSUADED" }]] as const) {
        v = (await transitionWarning(dispatcher.actor, { id: id, to, version: v, ...extra })).version;
      }
    }
    const paged = await allPages({ unit, status: "RESOLVED", limit: 2 });
    expect(paged.total).toBe(5);
    expect(paged.ids).toEqual(ids); // received 10, 11, … minutes ago: newest first
  });

  it("refuses a forged, garbled or other view's cursor with 422 on `cursor`", async () => {
    const unit = precinct(0, 0).code;
    const open = await listWarnings(dispatcher.actor, { unit, limit: 1 });
    expect(open.nextCursor).toBeTruthy();
    const forged = Buffer.from(JSON.stringify({ v: "rank", r: "yesterday", p: 1, id: "x" })).toString("base64url");
    for (const [query, code] of [
      [{ unit, status: "RESOLVED", cursor: open.nextCursor }, "invalid_cursor"],
      [{ unit, cursor: forged }, "invalid_cursor"],
      [{ unit, cursor: "bm90LWpzb24" }, "invalid_cursor"],
      [{ unit, cursor: "a b" }, "invalid_cursor"],
    ] as const) {
      const e = await listWarnings(dispatcher.actor, query).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(422);
      expect((e as AppError).details[0]).toMatchObject({ path: "cursor", code });
    }
  });

  it("counts the header's cards in the jurisdiction alone: open warnings by status, and the overdue among them", async () => {
    // Another city's tree: the counts are of whole jurisdictions, which the other tests here fill.
    const [p0, p1] = far.branches[1]!.precincts;
    const farFeed = await makeApiKey(far.city, ["warnings:ingest"]);
    const users = await Promise.all([makeUser(p1!, "OFFICER"), makeUser(p0!, "OFFICER"), makeUser(far.center, "DISPATCHER")]);
    const viewers = [...users, dispatcher];
    const before = await Promise.all(viewers.map((u) => queueCounts(u.actor)));
    const [, fresh] = await ingestWarnings(farFeed.actor, [
      warningInput({ unitCode: p1!.code, riskLevel: "HIGH", receivedAt: minutesAgo(45) }),
      warningInput({ unitCode: p1!.code, riskLevel: "LOW" }),
      warningInput({ unitCode: far.branches[0]!.precincts[1]!.code, riskLevel: "HIGH", receivedAt: minutesAgo(45) }),
    ]);
    await transitionWarning(users[2]!.actor, { id: fresh!.id!, to: "ACKNOWLEDGED", version: 1 });
    const after = await Promise.all(viewers.map((u) => queueCounts(u.actor)));
    const delta = (i: number) => Object.fromEntries(Object.entries(after[i]!).map(([k, v]) => [k, v - before[i]![k as keyof (typeof before)[number]]]));
    expect(delta(0)).toEqual({ PENDING: 1, ACKNOWLEDGED: 1, IN_PROGRESS: 0, overdue: 1 });
    expect(delta(1)).toEqual({ PENDING: 0, ACKNOWLEDGED: 0, IN_PROGRESS: 0, overdue: 0 });
    expect(delta(2)).toEqual({ PENDING: 2, ACKNOWLEDGED: 1, IN_PROGRESS: 0, overdue: 2 });
    expect(delta(3)).toEqual({ PENDING: 0, ACKNOWLEDGED: 0, IN_PROGRESS: 0, overdue: 0 });
  });

  it("filters the overdue card's view: only warnings whose next step is late", async () => {
    const unit = precinct(1, 1).code;
    const [late, fresh] = await ingest([{ unitCode: unit, riskLevel: "HIGH", receivedAt: minutesAgo(45) }, { unitCode: unit, riskLevel: "HIGH" }]);
    const page = await listWarnings(dispatcher.actor, { unit, overdue: "1" });
    expect(page.items.map((r) => r.id)).toEqual([late]);
    expect(page.items.map((r) => r.id)).not.toContain(fresh);
  });
});

describe("the unit filter", () => {
  it("takes a branch's code to mean the branch and its precincts, a precinct's code itself only", async () => {
    const marker = { fraudType: "FAKE_CUSTOMER_SERVICE", source: "CARRIER" };
    const [a, b, c] = await ingest([
      { ...marker, unitCode: precinct(0, 0).code },
      { ...marker, unitCode: precinct(0, 1).code },
      { ...marker, unitCode: precinct(1, 0).code },
    ]);
    const ids = async (unit: string) => (await listWarnings(dispatcher.actor, { unit, source: "CARRIER", fraudType: "FAKE_CUSTOMER_SERVICE" })).items.map((r) => r.id).sort();
    expect(await ids(tree.branches[0]!.code)).toEqual([a, b].sort());
    expect(await ids(tree.branches[1]!.code)).toEqual([c]);
    expect(await ids(precinct(0, 1).code)).toEqual([b]);
  });

  it("never widens a jurisdiction: another city's dispatcher naming our branch sees nothing", async () => {
    const [id] = await ingest([{ unitCode: precinct(1, 1).code }]);
    const outsider = await makeUser(far.center, "DISPATCHER");
    const page = await listWarnings(outsider.actor, { unit: tree.branches[1]!.code });
    expect(page.items.map((r) => r.id)).not.toContain(id);
    expect(page.total).toBe(0);
    // A precinct officer naming their branch sees their own precinct only.
    const officer = await makeUser(precinct(1, 0), "OFFICER");
    const own = await listWarnings(officer.actor, { unit: tree.branches[1]!.code, limit: 200 });
    expect(own.items.every((r) => r.unit.code === precinct(1, 0).code)).toBe(true);
  });

  it("offers in its picker the active units of the person's jurisdiction alone, never another city's, in tree order", async () => {
    const closed = await getDb().unit.create({
      data: { code: `${tree.branches[0]!.code}09`, name: "测试撤并派出所", kind: "PRECINCT", parentId: tree.branches[0]!.id, path: `${tree.branches[0]!.path}/${tree.branches[0]!.code}09`, active: false },
    });
    forgetRoutingTable();
    const codes = async (root: string, kinds?: ("PRECINCT" | "BRANCH" | "CENTER")[]) => (await unitOptions(root, { kinds })).map((u) => u.code);
    const b0 = tree.branches[0]!, b1 = tree.branches[1]!;
    const inTreeOrder = (units: { code: string; path: string }[]) => [...units].sort((x, y) => (x.path < y.path ? -1 : 1)).map((u) => u.code);
    expect(await codes(tree.city.path)).toEqual(inTreeOrder([tree.center, b0, ...b0.precincts, b1, ...b1.precincts]));
    expect(await codes(b1.path)).toEqual([b1.code, precinct(1, 0).code, precinct(1, 1).code]);
    expect(await codes(precinct(0, 1).path)).toEqual([precinct(0, 1).code]);
    expect(await codes(far.city.path)).toEqual(inTreeOrder([far.center, ...far.branches, ...far.branches.flatMap((b) => b.precincts)]));
    const option = (await unitOptions(b1.path)).find((u) => u.code === precinct(1, 0).code)!;
    expect(option).toMatchObject({ kind: "PRECINCT", depth: 2, initials: pinyinInitials(precinct(1, 0).name) });
    // Transfer targets: precincts and branches, never the center, the city or a closed precinct.
    expect(await codes(tree.city.path, ["PRECINCT", "BRANCH"])).toEqual(inTreeOrder([b0, ...b0.precincts, b1, ...b1.precincts]));
    expect(closed.active).toBe(false);
  });

  it("finds units by pinyin initials", () => {
    expect(pinyinInitials("东城开发区派出所")).toBe("dckfqpcs");
    expect(pinyinInitials("茅箭区分局")).toBe("mjqfj");
  });
});

describe("the queue's order (README: the queue's order)", () => {
  it("puts a fresh 特高危 with five minutes left above a 低危 ten minutes overdue, and a 低危 left 3 h+ overdue above both", async () => {
    const unit = precinct(1, 0).code;
    const fraudType = "FAKE_LOAN";
    const [critical, lowLate, lowForgotten, highFresh] = await ingest([
      { unitCode: unit, fraudType, riskLevel: "CRITICAL", receivedAt: minutesAgo(0) },
      { unitCode: unit, fraudType, riskLevel: "LOW", receivedAt: minutesAgo(130) },
      { unitCode: unit, fraudType, riskLevel: "LOW", receivedAt: minutesAgo(120 + 190) },
      { unitCode: unit, fraudType, riskLevel: "HIGH", receivedAt: minutesAgo(0) },
    ]);
    const rows = await getDb().warning.findMany({ where: { id: { in: [critical!, lowLate!, lowForgotten!, highFresh!] } }, select: { id: true, slaDueAt: true, priority: true, queueRank: true } });
    for (const r of rows) expect(r.queueRank).toEqual(queueRank(r.slaDueAt, r.priority));
    // The premise: the 低危 is overdue, the 特高危 is not.
    const due = new Map(rows.map((r) => [r.id, r.slaDueAt!.getTime()]));
    expect(due.get(lowLate!)!).toBeLessThan(Date.now());
    expect(due.get(critical!)!).toBeGreaterThan(Date.now());
    const order = (await listWarnings(dispatcher.actor, { unit, fraudType, limit: 200 })).items.map((r) => r.id).filter((id) => due.has(id));
    expect(order).toEqual([lowForgotten, critical, highFresh, lowLate]);
  });

  it("has 'take next' follow the same order", async () => {
    const officer = await makeUser(precinct(1, 0), "OFFICER");
    const first = (await listWarnings(officer.actor, { status: "PENDING", limit: 1 })).items[0]!;
    const { takeNextWarning } = await import("@/lib/warnings/commands");
    const taken = await takeNextWarning(officer.actor, {});
    expect(taken?.id).toBe(first.id);
  });
});

describe("dispatch note", () => {
  it("keeps the 下发说明 on the warning and in the audit record", async () => {
    const [id] = await ingest([{}]);
    await dispatchWarning(dispatcher.actor, { id: id!, unitCode: precinct(0, 0).code, version: 1, note: "受害人正在转账，请立即上门" });
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: id! } })).dispatchNote).toBe("受害人正在转账，请立即上门");
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "warning.dispatch", entityId: id! } });
    expect(audit.details).toMatchObject({ note: "受害人正在转账，请立即上门" });
  });
});

describe("live alerts", () => {
  it("counts the 特高危 nobody signed for, in the jurisdiction only, and names the newest", async () => {
    const d = await makeUser(far.center, "DISPATCHER");
    const farFeed = await makeApiKey(far.city, ["warnings:ingest"]);
    const before = await alertState(d.actor);
    const [r] = await ingestWarnings(farFeed.actor, [warningInput({ riskLevel: "CRITICAL", unitCode: far.branches[0]!.precincts[0]!.code })]);
    await ingest([{ riskLevel: "CRITICAL", unitCode: precinct(0, 0).code }]);
    const after = await alertState(d.actor);
    expect(after.unhandledCritical).toBe(before.unhandledCritical + 1);
    expect(after.latestCritical).toMatchObject({ id: r!.id, unitName: far.branches[0]!.precincts[0]!.name });
    await transitionWarning(d.actor, { id: r!.id!, to: "ACKNOWLEDGED", version: 1 });
    expect((await alertState(d.actor)).unhandledCritical).toBe(before.unhandledCritical);
    // An officer is not shown the city's 特高危; unread notifications are each user's own.
    const unreadCount = (a: { id: string }) => getDb().notification.count({ where: { userId: a.id, readAt: null } });
    const officer = await makeUser(far.branches[0]!.precincts[0]!, "OFFICER");
    expect(await alertState(officer.actor)).toEqual({ unread: await unreadCount(officer.actor), unhandledCritical: 0, latestCritical: null });
    expect((await alertState(d.actor)).unread).toBe(await unreadCount(d.actor));
  });

  it("keeps each user's opt-in for sound and desktop notification, audited", async () => {
    const d = await makeUser(tree.center, "DISPATCHER");
    const other = await makeUser(tree.center, "DISPATCHER");
    expect(await alertPrefs(d.actor)).toEqual({ sound: false, desktop: false });
    await setAlertPrefs(d.actor, { sound: true, desktop: true });
    expect(await alertPrefs(d.actor)).toEqual({ sound: true, desktop: true });
    expect(await alertPrefs(other.actor)).toEqual({ sound: false, desktop: false });
    expect(await getDb().auditLog.count({ where: { action: "user.alert_prefs", actorId: d.actor.id } })).toBe(1);
    await expect(setAlertPrefs(d.actor, { sound: "yes" })).rejects.toMatchObject({ status: 422 });
  });
});

describe("notifications", () => {
  it("say what and where and how late, group by warning, and are marked read when opened", async () => {
    const unit = precinct(1, 1);
    const officer = await makeUser(unit, "OFFICER");
    const [a, b] = await ingest([
      { unitCode: unit.code, riskLevel: "HIGH", fraudType: "REBATE_TASK", receivedAt: minutesAgo(20) },
      { unitCode: unit.code, riskLevel: "CRITICAL", fraudType: "FAKE_LOAN", receivedAt: minutesAgo(20) },
    ]);
    await escalateBreaches();
    // a is signed for late, then misses its first contact as well.
    await transitionWarning(officer.actor, { id: a!, to: "ACKNOWLEDGED", version: 1 });
    const later = new Date(Date.now() + 15 * 60_000);
    await escalateBreaches(later);
    const groups = await listNotificationGroups(officer.actor, later);
    const ga = groups.find((g) => g.key === `Warning:${a}`)!;
    const gb = groups.find((g) => g.key === `Warning:${b}`)!;
    expect(groups.filter((g) => g.key === `Warning:${a}`)).toHaveLength(1);
    expect(ga.warning).toEqual({ riskLevel: "HIGH", fraudType: "REBATE_TASK", unitName: unit.name, status: "ACKNOWLEDGED" });
    expect(ga.items.map((n) => n.late?.step).sort()).toEqual(["ACK", "CONTACT"]);
    const ack = ga.items.find((n) => n.late?.step === "ACK")!.late!;
    expect(ack.stillOpen).toBe(false);
    expect(ack.lateMs).toBeGreaterThan(9 * 60_000);
    const contact = ga.items.find((n) => n.late?.step === "CONTACT")!.late!;
    expect(contact.stillOpen).toBe(true);
    expect(Math.round(contact.lateMs / 60_000)).toBe(5);
    expect(gb.warning?.riskLevel).toBe("CRITICAL");
    expect(gb.items).toHaveLength(1);
    expect(ga.unread && gb.unread).toBe(true);

    // Someone else's ids mark nothing; opening a group marks its notifications read and leads to the warning.
    const stranger = await makeUser(unit, "OFFICER");
    expect(await openNotifications(stranger.actor, { ids: ga.items.map((n) => n.id) })).toBeNull();
    expect((await listNotificationGroups(officer.actor)).find((g) => g.key === ga.key)!.unread).toBe(true);
    expect(await openNotifications(officer.actor, { ids: ga.items.map((n) => n.id) })).toBe(`/warnings/${a}`);
    const after = await listNotificationGroups(officer.actor);
    expect(after.find((g) => g.key === ga.key)!.unread).toBe(false);
    expect(after.find((g) => g.key === gb.key)!.unread).toBe(true);
  });
});
