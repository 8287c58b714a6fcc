// The world the authorization matrix runs in: two cities; records in one precinct (P) of the first;
// for every role one party whose jurisdiction holds P ("own") and one whose does not ("other");
// and builders of fresh records in P, so a write by one role does not change what the next sees.
import { randomInt, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { API_SCOPES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { createCase } from "@/lib/cases/create-case";
import { createUser } from "@/lib/users/commands";
import { requestFreeze } from "@/lib/cases/freezes";
import { addSuspect } from "@/lib/cases/suspects";
import { addSeizedItem } from "@/lib/cases/seized-items";
import { recordRecovery } from "@/lib/cases/recoveries";
import { addCaseGang } from "@/lib/cases/gangs";
import { createEvent } from "@/lib/publicity/events";
import { createMeasure } from "@/lib/publicity/measures";
import { createCampaign } from "@/lib/publicity/campaigns";
import { registerAppeal } from "@/lib/appeals/commands";
import { addDays, chinaToday } from "@/lib/time/china";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { createHandover } from "@/lib/handover/commands";
import { makeIdNumber } from "@/lib/pii";
import { makeApiKey, makeUnitTree, makeUser, warningInput } from "@/tests/factories";
import { bankCard, caseInput } from "../cases-fixtures";

export const ROLES = ["DISPATCHER", "OFFICER", "INVESTIGATOR", "LEADER", "ADMIN", "AUDITOR", "SECURITY_OFFICER", "WALL"] as const satisfies readonly Role[];
export type Who = Role | "API_KEY";
export const PARTIES: readonly Who[] = [...ROLES, "API_KEY"];

export type Party =
  | { kind: "user"; who: Who; user: { id: string; sessionVersion: number }; actor: Actor }
  | { kind: "key"; who: Who; key: string; actor: Actor };

export const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
export const today = () => chinaToday();

async function party(who: Who, unit: { id: string }): Promise<Party> {
  if (who === "API_KEY") {
    const k = await makeApiKey(unit, [...API_SCOPES]);
    return { kind: "key", who, key: k.key, actor: k.actor };
  }
  const { user, actor } = await makeUser(unit, who);
  return { kind: "user", who, user, actor };
}

/**
 * The victim and fraud contact every warning-making call of the matrix shares with the
 * bystanders' open warning, so a repeat matched across cities would show as a change there.
 */
export const SHARED_VICTIM_PHONE = "13912345678";
export const SHARED_CONTACT = "+85261234567";
const INTERCEPTED_CUSTOMER = "13972001234";

/**
 * Records of a third city nobody in the matrix may touch (SECURITY.md 36): an open warning with
 * the shared victim and contact, an open follow-up on it, and a counter interception awaiting its
 * follow-up for the same customer the matrix's interceptions have. `snapshot` reads them whole.
 */
async function bystanders() {
  const tree = await makeUnitTree();
  forgetRoutingTable();
  const T = tree.branches[0]!.precincts[0]!;
  const feed = (await makeApiKey(tree.city, ["warnings:ingest"])).actor;
  const officer = (await makeUser(T, "OFFICER")).actor;
  const [w] = await ingestWarnings(feed, [warningInput({ unitCode: T.code, victim: { name: "旁观者", phone: SHARED_VICTIM_PHONE }, contact: { channel: "PHONE", value: SHARED_CONTACT } })]);
  if (w?.status !== "created") throw new Error(`bystander warning not created: ${JSON.stringify(w)}`);
  await recordHomeVisit(officer, { id: w.id!, arrivedAt: minutesAgo(0.5), personFound: false, outcome: "NOT_FOUND", appRegistered: false, relativesContacted: false, followUpOn: today() }, { idempotencyKey: randomUUID() });
  await recordCounterIntercept(officer, {
    occurredAt: minutesAgo(40), bankName: "中国工商银行", bankBranch: "白浪支行", customerName: "陈桂英", customerPhone: INTERCEPTED_CUSTOMER,
    amountProtected: "100.00", fraudType: "IMPERSONATE_OFFICIAL", followUpOn: today(),
  }, { idempotencyKey: randomUUID() });
  const units = (await getDb().unit.findMany({ where: { path: { startsWith: tree.city.path } }, select: { id: true } })).map((u) => u.id);
  const snapshot = async () => {
    const db = getDb();
    const [warnings, actions, cases, notifications] = await Promise.all([
      db.warning.findMany({ where: { unitId: { in: units } }, orderBy: { id: "asc" } }),
      db.dissuasionAction.findMany({ where: { unitId: { in: units } }, orderBy: { id: "asc" } }),
      db.fraudCase.findMany({ where: { unitId: { in: units } }, orderBy: { id: "asc" }, include: { victims: true } }),
      db.notification.count({ where: { user: { unitId: { in: units } } } }),
    ]);
    return JSON.stringify({ warnings, actions, cases, notifications });
  };
  return { tree, snapshot };
}

export async function buildWorld() {
  const city = await makeUnitTree();
  const far = await makeUnitTree();
  forgetRoutingTable();
  const P = city.branches[0]!.precincts[0]!;
  const ownUnit: Record<Who, { id: string }> = {
    DISPATCHER: city.center, OFFICER: P, INVESTIGATOR: city.branches[0]!, LEADER: city.city, ADMIN: city.city, AUDITOR: city.city, SECURITY_OFFICER: city.city, WALL: city.city, API_KEY: city.city,
  };
  const otherUnit: Record<Who, { id: string }> = {
    DISPATCHER: far.center, OFFICER: city.branches[1]!.precincts[0]!, INVESTIGATOR: city.branches[1]!, LEADER: far.city, ADMIN: far.city, AUDITOR: far.city, SECURITY_OFFICER: far.city, WALL: far.city, API_KEY: far.city,
  };
  const own = {} as Record<Who, Party>;
  const other = {} as Record<Who, Party>;
  for (const who of PARTIES) {
    own[who] = await party(who, ownUnit[who]);
    other[who] = await party(who, otherUnit[who]);
  }
  // The hands that make the records: people of P itself.
  const investigator = (await makeUser(P, "INVESTIGATOR")).actor;
  const officer = (await makeUser(P, "OFFICER")).actor;
  const admin = (await makeUser(city.city, "ADMIN")).actor;
  const feed = (await makeApiKey(city.city, ["warnings:ingest"])).actor;
  // Holder of the grant-only permission (并案 decisions: cases:approve), an investigator of P's
  // branch who makes none of the records, so a command only the grant opens has an entitled caller.
  const { user: approverUser, actor: approverActor } = await makeUser(city.branches[0]!, "INVESTIGATOR", { grants: ["cases:approve"] });
  const approver: Party = { kind: "user", who: "INVESTIGATOR", user: approverUser, actor: approverActor };

  let nextSuffix = 10;
  const make = {
    async warning() {
      const [r] = await ingestWarnings(feed, [warningInput({ unitCode: P.code })]);
      if (r?.status !== "created") throw new Error(`warning not created: ${JSON.stringify(r)}`);
      return getDb().warning.findUniqueOrThrow({ where: { id: r.id }, select: { id: true, version: true } });
    },
    /** A case of P with one record of every kind. */
    async case() {
      const { id } = await createCase(investigator, caseInput());
      const freeze = await requestFreeze(investigator, { id, kind: "FREEZE", bankName: "农业银行", accountNumber: bankCard(), amountRequested: "10.00" });
      const suspect = await addSuspect(investigator, { id, name: "张三" });
      const item = await addSeizedItem(investigator, { id, type: "PHONE", quantity: 1, seizedAt: minutesAgo(60) });
      const recovery = await recordRecovery(investigator, { id, amount: "1.00", recoveredAt: minutesAgo(60), method: "OTHER" });
      const gang = await addCaseGang(investigator, { id, name: `测试团伙${randomInt(1e6)}` });
      const c = await getDb().fraudCase.findUniqueOrThrow({ where: { id }, select: { version: true, victims: { select: { id: true } } } });
      return { id, version: c.version, victimId: c.victims[0]!.id, freezeId: freeze.id, suspectId: suspect.id, itemId: item.id, recoveryId: recovery.id, gangId: gang.id };
    },
    async event() {
      return createEvent(officer, {
        kind: "CAMPUS", targetGroup: "STUDENTS", title: "校园反诈讲座", occurredOn: addDays(today(), -1), place: "报告厅",
        audienceCount: "100", appRegistrations: "10", materialsCount: "50", volunteers: "2",
      });
    },
    async measure() {
      return createMeasure(officer, {
        personName: "王小明", personIdNumber: makeIdNumber("420302", new Date(Date.UTC(1990, 1, 1)), randomInt(1000)),
        measure: "RESTRICT_CALLS", startsOn: addDays(today(), -10), endsOn: addDays(today(), 10), reason: "名下电话卡被用于实施诈骗",
      });
    },
    /** An appeal registered by P's officer against a fresh measure of P (anyone else may decide it). */
    async appeal() {
      const m = await this.measure();
      const a = await registerAppeal(officer, { measureId: m.id, appellantName: "王小明", grounds: "名下电话卡已注销，非本人使用", receivedOn: today() });
      return { id: a.id, version: a.version, measureId: m.id };
    },
    async campaign() {
      return createCampaign(officer, { kind: "COMMUNITY", name: `无诈社区${randomInt(1e6)}`, status: "PLANNED" });
    },
    /** A standalone counter interception of P (a dissuasion action with a customer phone) awaiting its follow-up. */
    async intercept() {
      return recordCounterIntercept(officer, {
        occurredAt: minutesAgo(10), bankName: "中国工商银行", bankBranch: "白浪支行", customerName: "陈桂英",
        customerPhone: INTERCEPTED_CUSTOMER, amountProtected: "100.00", fraudType: "IMPERSONATE_OFFICIAL", followUpOn: today(),
      }, { idempotencyKey: randomUUID() });
    },
    /** A handover of the city's 反诈中心 desk by a dispatcher of its own (one open handover each). */
    async handover() {
      const { id } = await createHandover((await makeUser(city.center, "DISPATCHER")).actor, { note: "矩阵测试交班" });
      return getDb().handover.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } });
    },
    async user() {
      return (await makeUser(P, "OFFICER")).user;
    },
    async unit() {
      const code = `${city.branches[0]!.code}${String(nextSuffix++)}`;
      return getDb().unit.create({ data: { code, name: `测试所${code}`, kind: "PRECINCT", parentId: city.branches[0]!.id, path: `${city.branches[0]!.path}/${code}` } });
    },
    /** A pending proposal in P, for the security officer: an officer's account the admin created. */
    async proposal() {
      const { id } = await createUser(admin, { username: `p${randomUUID().replace(/-/g, "").slice(0, 12)}`, displayName: "待审批民警", role: "OFFICER", unitCode: P.code });
      return getDb().accessProposal.findFirstOrThrow({ where: { userId: id, status: "PENDING" }, select: { id: true, version: true } });
    },
    async apiKey() {
      const k = await makeApiKey(P, ["warnings:read"]);
      return getDb().apiKey.findUniqueOrThrow({ where: { id: k.actor.id }, select: { id: true, version: true } });
    },
  };
  return { city, far, P, own, other, approver, admin, make, bystanders: await bystanders() };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
