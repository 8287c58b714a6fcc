// 串并案 (migration fraud_contacts, lib/contacts): fraud contacts normalised alike in SQL and
// TypeScript, linked to warnings and cases by trigger and by entry; counts and clusters scoped by
// jurisdiction (two branches); 并案 proposed by one investigator and decided by a second person,
// confirmed cases sharing a group, suspects and gangs.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { createCase } from "@/lib/cases/create-case";
import { addSuspect } from "@/lib/cases/suspects";
import { addCaseGang } from "@/lib/cases/gangs";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import type { Actor } from "@/lib/auth/actor";
import { normalizeContact } from "@/lib/contacts/normalize";
import { DEFAULT_CLUSTER_DAYS, caseContacts, clusterList, clusterPeriod, linkedGroupFigures, listClusters, showCluster, warningContacts } from "@/lib/contacts/queries";
import { addCaseContact, decideCaseLink, proposeCaseLink } from "@/lib/contacts/commands";
import { makeApiKey, makeUser, warningInput } from "@/tests/factories";
import { caseInput, caseTeam, rejection, type CaseTeam } from "./cases-fixtures";
import type { FraudContactKind } from "@/lib/generated/prisma/enums";

let team: CaseTeam;
let feed: Actor;
let investigator: Actor;
let chief: Actor;
let outsider: Actor;
let center: Actor;

beforeAll(async () => {
  team = await caseTeam();
  forgetRoutingTable();
  feed = (await makeApiKey(team.tree.city, ["warnings:ingest"])).actor;
  investigator = team.investigator.actor;
  chief = team.chief.actor;
  outsider = team.outsider.actor;
  center = (await makeUser(team.tree.center, "DISPATCHER")).actor;
});

const fraudPhone = () => `0719${String(randomInt(0, 1e7)).padStart(7, "0")}`;

async function warn(unitCode: string, contact: { channel: string; value: string }) {
  const [r] = await ingestWarnings(feed, [warningInput({ unitCode, contact })]);
  expect(r?.status).toBe("created");
  return r!.id!;
}

describe("normalisation", () => {
  const cases: [FraudContactKind, string, string | null][] = [
    ["PHONE", "+86 138-0000-1234", "13800001234"],
    ["PHONE", "0086 13800001234", "13800001234"],
    ["PHONE", "0719-8123456", "07198123456"],
    ["PHONE", "12", null],
    ["URL", "HTTPS://Www.Fake-Invest.com/App/?ref=1#x", "www.fake-invest.com/app"],
    ["URL", "http://a.cn/", "a.cn"],
    ["APP", "  云端  投资 ", "云端 投资"],
    ["WECHAT", " WX_Abc-123 ", "wx_abc-123"],
    ["WECHAT", "微信号", null],
    ["QQ", "12345 678", "12345678"],
    ["QQ", "0123", null],
    ["BANK_ACCOUNT", "6222 0212 3456 7890", "6222021234567890"],
    ["BANK_ACCOUNT", "1234", null],
  ];
  it("gives the same value in TypeScript and in SQL (fraud_contact_norm)", async () => {
    for (const [kind, raw, want] of cases) {
      expect(normalizeContact(kind, raw), `${kind} ${raw}`).toBe(want);
      const [row] = await getDb().$queryRaw<{ v: string | null }[]>`SELECT fraud_contact_norm(${kind}::"FraudContactKind", ${raw}) AS v`;
      expect(row!.v, `SQL ${kind} ${raw}`).toBe(want);
    }
  });

  it("links a warning to its contact by trigger, the same contact for differently written numbers, and moves it on a change", async () => {
    const p = team.branch.precincts[0]!;
    const digits = `1${randomInt(3, 10)}${String(randomInt(0, 1e9)).padStart(9, "0")}`;
    const a = await warn(p.code, { channel: "PHONE", value: `+86 ${digits}` });
    const b = await warn(p.code, { channel: "SMS", value: digits });
    const db = getDb();
    const la = await db.warningContact.findMany({ where: { warningId: a }, select: { contact: { select: { id: true, kind: true, value: true } } } });
    const lb = await db.warningContact.findMany({ where: { warningId: b }, select: { contactId: true } });
    expect(la.map((l) => l.contact)).toEqual([{ id: lb[0]!.contactId, kind: "PHONE", value: digits }]);
    await db.warning.update({ where: { id: a }, data: { contactChannel: "URL", contactValue: "https://X.example.cn/a/" } });
    const moved = await db.warningContact.findMany({ where: { warningId: a }, select: { contact: { select: { kind: true, value: true } } } });
    expect(moved.map((l) => l.contact)).toEqual([{ kind: "URL", value: "x.example.cn/a" }]);
  });

  it("links every warning of one ingested batch in one statement: shared contacts once, a channel naming none left out", async () => {
    const unitCode = team.branch.precincts[0]!.code;
    const phone = `1${randomInt(3, 10)}${String(randomInt(0, 1e9)).padStart(9, "0")}`;
    const url = `batch${randomInt(1e9)}.example.cn`;
    const items = await ingestWarnings(feed, [
      warningInput({ unitCode, contact: { channel: "PHONE", value: phone } }),
      warningInput({ unitCode, contact: { channel: "SMS", value: `0086${phone}` } }),
      warningInput({ unitCode, contact: { channel: "URL", value: `HTTPS://${url}/` } }),
      warningInput({ unitCode, contact: { channel: "OTHER", value: "线下接触" } }),
    ]);
    expect(items.map((i) => i.status)).toEqual(["created", "created", "created", "created"]);
    const links = await getDb().warningContact.findMany({
      where: { warningId: { in: items.map((i) => i.id!) } }, select: { warningId: true, contact: { select: { kind: true, value: true } } },
    });
    const byWarning = items.map((i) => links.filter((l) => l.warningId === i.id).map((l) => `${l.contact.kind}:${l.contact.value}`));
    expect(byWarning).toEqual([[`PHONE:${phone}`], [`PHONE:${phone}`], [`URL:${url}`], []]);
    expect(await getDb().fraudContact.count({ where: { kind: "PHONE", value: phone } })).toBe(1);
  });

  it("links an ingested warning's extra fraudContacts; an item with a bad one is rejected alone, naming the field", async () => {
    const qq = String(randomInt(1e6, 1e9));
    const url = `pay${randomInt(1e9)}.example.cn/h5`;
    const [ok, bad] = await ingestWarnings(feed, [
      warningInput({ unitCode: team.branch.precincts[0]!.code, fraudContacts: [{ kind: "QQ", value: qq }, { kind: "URL", value: `https://${url}/` }] }),
      warningInput({ unitCode: team.branch.precincts[0]!.code, fraudContacts: [{ kind: "BANK_ACCOUNT", value: "12" }] }),
    ]);
    expect(ok?.status).toBe("created");
    const linked = await getDb().warningContact.findMany({ where: { warningId: ok!.id! }, select: { receivedAt: true, unitId: true, contact: { select: { kind: true, value: true } } } });
    expect(linked.map((l) => l.contact).filter((c) => c.kind !== "PHONE").sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([{ kind: "QQ", value: qq }, { kind: "URL", value: url }]);
    // Every link, its own channel's and the extra ones, carries the warning's time and unit.
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: ok!.id! }, select: { receivedAt: true, unitId: true } });
    expect(linked.map(({ receivedAt, unitId }) => ({ receivedAt, unitId }))).toEqual(linked.map(() => w));
    expect(bad?.status).toBe("rejected");
    expect(JSON.stringify(bad)).toContain("fraudContacts.0.value");
  });

  it("takes fraudContacts on case intake, normalised, on the timeline and audited", async () => {
    const app = `云端投资${randomInt(1e9)}`;
    const c = await createCase(investigator, caseInput({ fraudContacts: [{ kind: "APP", value: `  ${app} ` }, { kind: "WECHAT", value: "WX_Teacher01" }] }));
    const { items } = await caseContacts(investigator, { id: c.id });
    expect(items.map((i) => `${i.kind}:${i.display}`)).toEqual(expect.arrayContaining([`APP:${app.toLowerCase()}`, "WECHAT:wx_teacher01"]));
    expect(await getDb().caseEvent.count({ where: { caseId: c.id, kind: "contact_added" } })).toBe(2);
    expect(await getDb().auditLog.count({ where: { action: "case.contact.add", details: { path: ["caseId"], equals: c.id } } })).toBe(2);
    const bad = await rejection(createCase(investigator, caseInput({ fraudContacts: [{ kind: "URL", value: "x" }] })));
    expect(bad.details.map((i) => i.path)).toEqual(["fraudContacts.0.value"]);
  });

  it("refuses a contact that names nothing with a 422 on value, and writes nothing", async () => {
    const c = await createCase(investigator, caseInput());
    const before = await getDb().caseContact.count({ where: { caseId: c.id } });
    const e = await rejection(addCaseContact(investigator, { id: c.id, kind: "QQ", value: "abc" }));
    expect(e.code).toBe("VALIDATION");
    expect(e.details.map((i) => i.path)).toContain("value");
    expect(await getDb().caseContact.count({ where: { caseId: c.id } })).toBe(before);
  });
});

describe("counts and clusters, scoped by jurisdiction", () => {
  it("counts the other warnings and cases sharing a contact within the actor's branch only", async () => {
    const phone = fraudPhone();
    const own = team.branch.precincts[0]!;
    const own2 = team.branch.precincts[1]!;
    const far = team.other.precincts[0]!;
    const w1 = await warn(own.code, { channel: "PHONE", value: phone });
    await warn(own2.code, { channel: "PHONE", value: phone });
    await warn(far.code, { channel: "PHONE", value: phone });
    await warn(far.code, { channel: "PHONE", value: phone });
    const c1 = await createCase(investigator, caseInput());
    await addCaseContact(investigator, { id: c1.id, kind: "PHONE", value: phone });
    const c2 = await createCase(outsider, caseInput());
    await addCaseContact(outsider, { id: c2.id, kind: "PHONE", value: phone });

    const onWarning = await warningContacts(investigator, { id: w1 });
    expect(onWarning.items).toHaveLength(1);
    expect(onWarning.items[0]).toMatchObject({ kind: "PHONE", display: phone, otherWarnings: 1, otherCases: 1 });
    const onCase = await caseContacts(investigator, { id: c1.id });
    expect(onCase.items.find((i) => i.kind === "PHONE")).toMatchObject({ otherWarnings: 2, otherCases: 0 });
    // The other branch sees its own two warnings and case; the city's centre sees all.
    const theirs = await caseContacts(outsider, { id: c2.id });
    expect(theirs.items.find((i) => i.kind === "PHONE")).toMatchObject({ otherWarnings: 2, otherCases: 0 });
    const all = await warningContacts(center, { id: w1 });
    expect(all.items[0]).toMatchObject({ otherWarnings: 3, otherCases: 2 });
    // A record of the other branch is a 404, audited.
    expect((await rejection(warningContacts(outsider, { id: w1 }))).code).toBe("NOT_FOUND");
    expect((await rejection(caseContacts(outsider, { id: c1.id }))).code).toBe("NOT_FOUND");
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: outsider.id, entityId: c1.id } })).toBe(1);
  });

  it("counts a case through its warnings, and leaves a case's own warnings out of its counts", async () => {
    const phone = fraudPhone();
    const [p1, p2] = [team.branch.precincts[0]!, team.branch.precincts[1]!];
    const [wa, wb, wc] = [await warn(p1.code, { channel: "PHONE", value: phone }), await warn(p1.code, { channel: "PHONE", value: phone }), await warn(p2.code, { channel: "PHONE", value: phone })];
    await warn(team.other.precincts[0]!.code, { channel: "PHONE", value: phone });
    // A case that carries the phone only through two of its warnings (no case link of its own).
    const k = await createCase(investigator, caseInput());
    await getDb().warning.updateMany({ where: { id: { in: [wa, wb] } }, data: { caseId: k.id } });
    expect(await getDb().caseContact.count({ where: { caseId: k.id, contact: { value: phone } } })).toBe(0);

    const onCase = (await caseContacts(investigator, { id: k.id })).items.find((i) => i.display === phone);
    expect(onCase).toMatchObject({ otherWarnings: 1, otherCases: 0 }); // wc; its own wa and wb left out
    expect((await warningContacts(investigator, { id: wc })).items[0]).toMatchObject({ otherWarnings: 2, otherCases: 1 });
    expect((await warningContacts(investigator, { id: wa })).items[0]).toMatchObject({ otherWarnings: 2, otherCases: 1 });
    expect((await warningContacts(center, { id: wc })).items[0]).toMatchObject({ otherWarnings: 3, otherCases: 1 });
    // The other branch sees neither the case nor this branch's warnings.
    const theirs = await getDb().warning.findFirstOrThrow({ where: { contactValue: phone, unitId: team.other.precincts[0]!.id }, select: { id: true } });
    expect((await warningContacts(outsider, { id: theirs.id })).items[0]).toMatchObject({ otherWarnings: 0, otherCases: 0 });
  });

  it("lists clusters and shows one, with the filters, the other branch seeing only its records", async () => {
    const phone = fraudPhone();
    const wechat = `wx_${randomInt(1e9)}`;
    const own = team.branch.precincts[0]!;
    const wa = await warn(own.code, { channel: "PHONE", value: phone });
    const wb = await warn(own.code, { channel: "PHONE", value: phone });
    await warn(team.other.precincts[0]!.code, { channel: "PHONE", value: phone });
    const c = await createCase(investigator, caseInput());
    await addCaseContact(investigator, { id: c.id, kind: "PHONE", value: phone });
    await addCaseContact(investigator, { id: c.id, kind: "WECHAT", value: wechat });
    const contactId = (await getDb().fraudContact.findUniqueOrThrow({ where: { kind_value: { kind: "PHONE", value: phone } } })).id;

    const list = await listClusters(investigator, { kind: "PHONE" });
    expect(list.items.find((r) => r.id === contactId)).toMatchObject({ warnings: 2, cases: 1, records: 3 });
    expect((await listClusters(investigator, { kind: "WECHAT" })).items.find((r) => r.id === contactId)).toBeUndefined();
    expect((await listClusters(investigator, { minRecords: 4 })).items.find((r) => r.id === contactId)).toBeUndefined();
    expect((await listClusters(investigator, { unit: team.branch.precincts[1]!.code })).items.find((r) => r.id === contactId)).toBeUndefined();
    const theirs = await clusterList(outsider, { minRecords: 2 }, new Date());
    expect(theirs.find((r) => r.id === contactId)).toBeUndefined();

    const cluster = await showCluster(investigator, { id: contactId });
    expect(cluster.warnings.map((w) => w.id).sort()).toEqual([wa, wb].sort());
    expect(cluster.cases.map((k) => k.id)).toEqual([c.id]);
    expect(cluster.contacts.map((k) => k.display)).toContain(wechat);
    const one = await showCluster(outsider, { id: contactId });
    expect(one.warnings).toHaveLength(1);
    expect(one.cases).toHaveLength(0);
    // A contact none of the caller's records carries is a 404.
    const lone = await createCase(investigator, caseInput());
    await addCaseContact(investigator, { id: lone.id, kind: "APP", value: `应用${randomInt(1e9)}` });
    const app = (await caseContacts(investigator, { id: lone.id })).items.find((i) => i.kind === "APP")!;
    expect((await rejection(showCluster(outsider, { id: app.id }))).code).toBe("NOT_FOUND");
    // A bad filter is a 422 naming the field.
    const bad = await rejection(listClusters(investigator, { kind: "FAX" }));
    expect(bad.details.map((i) => i.path)).toEqual(["kind"]);
  });

  it("links a case to its freezes' accounts, and a case and a warning to each other through the account", async () => {
    const c = await createCase(investigator, caseInput());
    const account = (await getDb().freezeRequest.findFirstOrThrow({ where: { caseId: c.id } })).accountNumber;
    const w = await warn(team.branch.precincts[0]!.code, { channel: "BANK_ACCOUNT", value: account.replace(/(\d{4})/g, "$1 ") });
    const onWarning = await warningContacts(investigator, { id: w });
    expect(onWarning.items[0]).toMatchObject({ kind: "BANK_ACCOUNT", otherCases: 1 });
    expect(onWarning.items[0]!.display).not.toContain(account);
  });
});

describe("the cluster list's rollup (contact_days)", () => {
  type Bucket = { unitId: string; day: string; warnings: number; cases: number };
  /** The rollup rows of a contact, and the same counted from the link rows (what the triggers must keep equal). */
  const rollup = (id: string) => getDb().$queryRaw<Bucket[]>`
    SELECT "unitId"::text AS "unitId", day::text AS day, warnings, cases FROM contact_days WHERE "contactId" = ${id}::uuid ORDER BY 1, 2`;
  const recount = (id: string) => getDb().$queryRaw<Bucket[]>`
    SELECT uid::text AS "unitId", d::text AS day, sum(w)::int AS warnings, sum(c)::int AS cases FROM (
      SELECT w."unitId" AS uid, stat_day(w."receivedAt") AS d, 1 AS w, 0 AS c FROM warning_contacts wc JOIN warnings w ON w.id = wc."warningId" WHERE wc."contactId" = ${id}::uuid
      UNION ALL SELECT k."unitId", stat_day(k."reportedAt"), 0, 1 FROM case_contacts cc JOIN cases k ON k.id = cc."caseId" WHERE cc."contactId" = ${id}::uuid
    ) s GROUP BY 1, 2 ORDER BY 1, 2`;
  /** contact_days equals the link rows by unit and day, contact_units by unit (all time). */
  const expectKept = async (id: string) => {
    const days = await recount(id);
    expect(await rollup(id)).toEqual(days);
    const byUnit = new Map<string, { unitId: string; warnings: number; cases: number }>();
    for (const d of days) {
      const u = byUnit.get(d.unitId) ?? { unitId: d.unitId, warnings: 0, cases: 0 };
      byUnit.set(d.unitId, { ...u, warnings: u.warnings + d.warnings, cases: u.cases + d.cases });
    }
    const units = await getDb().$queryRaw<{ unitId: string; warnings: number; cases: number }[]>`
      SELECT "unitId"::text AS "unitId", warnings, cases FROM contact_units WHERE "contactId" = ${id}::uuid ORDER BY 1`;
    expect(units).toEqual([...byUnit.values()].sort((a, b) => a.unitId.localeCompare(b.unitId)));
    // Each link carries its warning's time and unit (the cluster's index range).
    expect(await getDb().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM warning_contacts wc JOIN warnings w ON w.id = wc."warningId"
      WHERE wc."contactId" = ${id}::uuid AND (wc."receivedAt" IS DISTINCT FROM w."receivedAt" OR wc."unitId" IS DISTINCT FROM w."unitId")`).toEqual([{ n: 0n }]);
  };
  const row = async (actor: Actor, id: string) => (await listClusters(actor, {})).items.find((r) => r.id === id);
  const contactOf = async (kind: FraudContactKind, value: string) => (await getDb().fraudContact.findUniqueOrThrow({ where: { kind_value: { kind, value: normalizeContact(kind, value)! } } })).id;

  it("stays equal to the link rows through link inserts, deletes, a changed value, a moved and a deleted warning, and 并案; each branch counts its own", async () => {
    const db = getDb();
    const phone = fraudPhone();
    const [p1, p2] = [team.branch.precincts[0]!, team.branch.precincts[1]!];
    const far = team.other.precincts[0]!;
    const w1 = await warn(p1.code, { channel: "PHONE", value: phone });
    const w2 = await warn(p2.code, { channel: "PHONE", value: phone });
    const w3 = await warn(far.code, { channel: "PHONE", value: phone });
    const id = await contactOf("PHONE", phone);
    await expectKept(id);
    expect(await row(investigator, id)).toMatchObject({ warnings: 2, cases: 0, records: 2 });
    expect(await row(outsider, id)).toBeUndefined(); // one record there: below the minimum of 2

    // Case links (by entry), in both branches.
    const a = await createCase(investigator, caseInput());
    const b = await createCase(investigator, caseInput());
    await addCaseContact(investigator, { id: a.id, kind: "PHONE", value: phone });
    await addCaseContact(investigator, { id: b.id, kind: "PHONE", value: phone });
    const c = await createCase(outsider, caseInput());
    await addCaseContact(outsider, { id: c.id, kind: "PHONE", value: phone });
    await expectKept(id);
    expect(await row(investigator, id)).toMatchObject({ warnings: 2, cases: 2, records: 4 });
    expect(await row(outsider, id)).toMatchObject({ warnings: 1, cases: 1, records: 2 });
    expect(await row(center, id)).toMatchObject({ warnings: 3, cases: 3, records: 6 });

    // 并案 changes no link: the counts stay.
    const p = await proposeCaseLink(investigator, { id: a.id, otherCaseId: b.id, reason: "同一收款号码" });
    await decideCaseLink(chief, { id: p.id, decision: "confirm", version: p.version });
    await expectKept(id);
    expect(await row(investigator, id)).toMatchObject({ warnings: 2, cases: 2, records: 4 });

    // A link deleted, a case link deleted.
    await db.warningContact.delete({ where: { contactId_warningId: { contactId: id, warningId: w2 } } });
    await db.caseContact.delete({ where: { contactId_caseId: { contactId: id, caseId: b.id } } });
    await expectKept(id);
    expect(await row(investigator, id)).toMatchObject({ warnings: 1, cases: 1, records: 2 });

    // The warning's contact rewritten: its link moves to the other contact.
    const other = fraudPhone();
    await db.warning.update({ where: { id: w1 }, data: { contactValue: other } });
    const otherId = await contactOf("PHONE", other);
    await Promise.all([expectKept(id), expectKept(otherId)]);
    expect(await row(investigator, id)).toBeUndefined();
    await db.warning.update({ where: { id: w1 }, data: { contactValue: phone } });

    // A warning moved to the other branch, and one received earlier (another day): the buckets follow.
    await db.warning.update({ where: { id: w1 }, data: { unitId: far.id } });
    await db.warning.update({ where: { id: w3 }, data: { receivedAt: new Date(Date.now() - 10 * 86_400_000) } });
    await expectKept(id);
    expect(await row(investigator, id)).toBeUndefined();
    expect(await row(outsider, id)).toMatchObject({ warnings: 2, cases: 1, records: 3 });
    // Out of a period that ends before it: the rollup is read by day.
    const day = (d: number) => new Date(Date.now() + 8 * 3_600_000 - d * 86_400_000).toISOString().slice(0, 10);
    expect((await listClusters(outsider, { from: day(12), to: day(8) })).items.find((r) => r.id === id)).toBeUndefined();
    expect((await listClusters(outsider, { from: day(5), to: day(0) })).items.find((r) => r.id === id)).toMatchObject({ warnings: 1, cases: 1, records: 2 });
    expect((await listClusters(outsider, { from: day(12), to: day(0) })).items.find((r) => r.id === id)).toMatchObject({ warnings: 2, cases: 1, records: 3 });
    // Each row also counts every day's records; a contact opened for the list's days shows the row's records.
    const recent = (await listClusters(outsider, { from: day(5), to: day(0) })).items.find((r) => r.id === id)!;
    expect(recent.totalRecords).toBe(3);
    const opened = await showCluster(outsider, { id, from: day(5), to: day(0) });
    expect(opened.warnings.length + opened.cases.length).toBe(recent.records);
    expect(clusterPeriod({}, new Date())).toEqual({ from: day(DEFAULT_CLUSTER_DAYS - 1), to: day(0) });
    const listed = (await row(outsider, id))!;
    const openedDefault = await showCluster(outsider, { id, ...clusterPeriod({}, new Date()) });
    expect(openedDefault.warnings.length + openedDefault.cases.length).toBe(listed.records);

    // A warning deleted: its links cascade, the rollup follows (no bucket left at zero).
    await db.warning.delete({ where: { id: w3 } });
    await expectKept(id);
    expect(await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM contact_days WHERE warnings <= 0 AND cases <= 0`).toEqual([{ n: 0n }]);
  });

  it("is rebuilt whole by contact_days_rebuild() to the same rows, contact_units too", async () => {
    // In one transaction: the rebuild locks out writers, so other test files cannot change the sums meanwhile.
    await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`LOCK TABLE warning_contacts, case_contacts IN SHARE MODE`;
      // Labelled and ordered: a UNION ALL's branches may come back in either order (a parallel append).
      const sums = () => tx.$queryRaw<{ t: string; n: bigint; w: bigint; c: bigint }[]>`
        SELECT 'days' AS t, count(*) AS n, sum(warnings) AS w, sum(cases) AS c FROM contact_days
        UNION ALL SELECT 'units', count(*), sum(warnings), sum(cases) FROM contact_units ORDER BY t`;
      const before = await sums();
      await tx.$queryRaw`SELECT contact_days_rebuild()`;
      expect(await sums()).toEqual(before);
    });
  });
});

describe("并案: proposal and the second person", () => {
  it("is confirmed by a second person with cases:approve: the cases share a group, suspects and gangs", async () => {
    const a = await createCase(investigator, caseInput());
    const b = await createCase(investigator, caseInput());
    const sa = await addSuspect(investigator, { id: a.id, name: "张某" });
    const gb = await addCaseGang(investigator, { id: b.id, name: `跨省团伙${randomInt(1e6)}` });
    const p = await proposeCaseLink(investigator, { id: a.id, otherCaseId: b.id, reason: "同一收款账户、同一话术" });
    // The proposer cannot confirm (even holding the grant), nor can someone without cases:approve.
    const proposerWithGrant = await makeUser(team.branch, "INVESTIGATOR", { grants: ["cases:approve"] });
    const own = await proposeCaseLink(proposerWithGrant.actor, { id: b.id, otherCaseId: (await createCase(investigator, caseInput())).id, reason: "同一诈骗网址" });
    const refused = await rejection(decideCaseLink(proposerWithGrant.actor, { id: own.id, decision: "confirm", version: own.version }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: proposerWithGrant.user.id, entityId: own.id } })).toBe(1);
    expect((await rejection(decideCaseLink(investigator, { id: p.id, decision: "confirm", version: p.version }))).code).toBe("FORBIDDEN");
    // The other branch's approver does not see it.
    expect((await rejection(decideCaseLink(outsider, { id: p.id, decision: "confirm", version: p.version }))).code).toBe("NOT_FOUND");
    // A second pending proposal for the same pair is a 409.
    expect((await rejection(proposeCaseLink(investigator, { id: b.id, otherCaseId: a.id, reason: "重复提请" }))).code).toBe("CONFLICT");

    const r = await decideCaseLink(chief, { id: p.id, decision: "confirm", version: p.version });
    expect(r.status).toBe("CONFIRMED");
    const db = getDb();
    const [ca, cb] = await Promise.all([a.id, b.id].map((id) => db.fraudCase.findUniqueOrThrow({ where: { id }, select: { groupId: true } })));
    expect(ca!.groupId).toBe(r.groupId);
    expect(cb!.groupId).toBe(r.groupId);
    expect(await db.caseSuspect.count({ where: { caseId: b.id, suspectId: sa.id } })).toBe(1);
    expect(await db.gangCase.count({ where: { caseId: a.id, gangId: gb.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "case.link.confirm", entityId: p.id } })).toBe(1);
    expect(await db.caseEvent.count({ where: { caseId: { in: [a.id, b.id] }, kind: "link_confirmed" } })).toBe(2);
    // Decided once: a second decision is a 409; linking them again is a 409.
    expect((await rejection(decideCaseLink(chief, { id: p.id, decision: "reject", version: p.version + 1 }))).code).toBe("CONFLICT");
    expect((await rejection(proposeCaseLink(investigator, { id: a.id, otherCaseId: b.id, reason: "再次提请" }))).code).toBe("CONFLICT");
  });

  it("is rejected without changing the cases; a case outside the jurisdiction cannot be proposed; a case with itself is a 422", async () => {
    const a = await createCase(investigator, caseInput());
    const b = await createCase(investigator, caseInput());
    const p = await proposeCaseLink(investigator, { id: a.id, otherCaseId: b.id, reason: "疑似同一团伙" });
    const r = await decideCaseLink(chief, { id: p.id, decision: "reject", version: p.version, note: "证据不足" });
    expect(r).toMatchObject({ status: "REJECTED", groupId: null });
    expect((await getDb().fraudCase.findUniqueOrThrow({ where: { id: a.id }, select: { groupId: true } })).groupId).toBeNull();
    const far = await createCase(outsider, caseInput());
    expect((await rejection(proposeCaseLink(investigator, { id: a.id, otherCaseId: far.id, reason: "同一账户" }))).code).toBe("NOT_FOUND");
    const self = await rejection(proposeCaseLink(investigator, { id: a.id, otherCaseId: a.id, reason: "同一账户" }));
    expect(self.details.map((i) => i.path)).toEqual(["otherCaseId"]);
    const noReason = await rejection(proposeCaseLink(investigator, { id: a.id, otherCaseId: b.id, reason: "" }));
    expect(noReason.details.map((i) => i.path)).toEqual(["reason"]);
  });

  it("counts a confirmed group once in the separate linked-cases figure, the filed count unchanged", async () => {
    const tree = team.tree;
    const db = getDb();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createCase(investigator, caseInput())).id);
    await db.fraudCase.updateMany({ where: { id: { in: ids } }, data: { status: "FILED", filedAt: new Date(Date.now() - 60_000) } });
    const before = await linkedGroupFigures(chief, { unit: team.branch.code }, new Date());
    const p = await proposeCaseLink(investigator, { id: ids[0]!, otherCaseId: ids[1]!, reason: "同一收款账户" });
    await decideCaseLink(chief, { id: p.id, decision: "confirm", version: p.version });
    const after = await linkedGroupFigures(chief, { unit: team.branch.code }, new Date());
    expect(after.filed).toBe(before.filed);
    expect(after.filedCountingGroupsOnce).toBe(before.filedCountingGroupsOnce - 1);
    expect(after.groups).toBe(before.groups + 1);
    expect(tree).toBeTruthy();
  });
});
