// The authorization matrix of the route handlers (SECURITY.md B8). Every method of every
// app/**/route.ts must have an entry. Who may use it is not restated: the test reads it from the
// command the handler is built from (every party without its permission must get an audited 403).
// Each entry says how to call it and what it does with records:
//   record      — names one record of precinct P: the own party gets through, the other gets 404
//                 and the denial is audited (B7);
//   collection  — lists records: the own party's answer holds the record, the other's does not;
//   none        — neither (aggregates, creation in the caller's own unit): both get through.
// "Gets through" means anything but 401/403/404/5xx (a 409 or 422 is the business rule speaking).
import { randomInt, randomUUID } from "node:crypto";
import type { Req } from "./call";
import { SHARED_CONTACT, SHARED_VICTIM_PHONE, minutesAgo, today, type World } from "./world";
import { bankCard, caseInput } from "../cases-fixtures";
import { makeApiKey, makeUser, warningInput } from "@/tests/factories";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { proposeCaseLink } from "@/lib/contacts/commands";
import { requestFromCase } from "@/lib/requests/create";
import { ingestCallEvent } from "@/lib/calls/commands";
import { transitionWarning } from "@/lib/warnings/commands";
import { dissuadedRevisit } from "../revisits-fixtures";
import { openAppFollowUp } from "../appfollowups-fixtures";
import { getDb } from "@/lib/db";
import { openTransfer } from "./transfers";
import { labelledOfP, outreachTaskOfP } from "../person-labels-fixtures";

export type RouteRule =
  | { public: string; call?: false }
  | { scope: "record" | "collection" | "none"; request: (w: World) => Promise<Req> };


const caseRoute = (sub: string, body?: (c: Awaited<ReturnType<World["make"]["case"]>>) => unknown) => async (w: World): Promise<Req> => {
  const c = await w.make.case();
  return { path: `/api/v1/cases/${c.id}${sub}`, params: { id: c.id }, body: body?.(c), marker: c.id };
};
const caseSub = (sub: string, pick: (c: Awaited<ReturnType<World["make"]["case"]>>) => string, body: (c: Awaited<ReturnType<World["make"]["case"]>>) => unknown) =>
  async (w: World): Promise<Req> => {
    const c = await w.make.case();
    return { path: `/api/v1/cases/${c.id}/${sub}/${pick(c)}`, params: { id: c.id, subId: pick(c) }, body: body(c), marker: c.id };
  };
const warningRoute = (sub: string, body?: (v: { id: string; version: number }) => unknown, headers?: () => Record<string, string>) => async (w: World): Promise<Req> => {
  const v = await w.make.warning();
  return { path: `/api/v1/warnings/${v.id}${sub}`, params: { id: v.id }, body: body?.(v), headers: headers?.(), marker: v.id };
};

const appealRoute = (sub: string, body?: (a: { id: string; version: number }) => unknown) => async (w: World): Promise<Req> => {
  const a = await w.make.appeal();
  return { path: `/api/v1/appeals/${a.id}${sub}`, params: { id: a.id }, body: body?.(a), marker: a.id };
};

export const ROUTE_MATRIX: Record<string, RouteRule> = {
  "GET app/api/health/route.ts": { public: "liveness for load balancers; answers no personal data (the database's state, the admission gate's figures)" },
  "GET app/api/v1/openapi.json/route.ts": { public: "the API reference; holds no data" },
  "GET app/api/auth/[...nextauth]/route.ts": { public: "NextAuth's own sign-in endpoints (csrf, session, providers)", call: false },
  "POST app/api/auth/[...nextauth]/route.ts": { public: "NextAuth's sign-in and sign-out; lib/auth/login.ts checks the credentials", call: false },

  "GET app/api/v1/warnings/route.ts": {
    scope: "collection",
    request: async (w) => ({ path: "/api/v1/warnings", marker: (await w.make.warning()).id }),
  },
  "POST app/api/v1/warnings/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/warnings", body: [warningInput({ victim: { name: "王某某", phone: SHARED_VICTIM_PHONE }, contact: { channel: "PHONE", value: SHARED_CONTACT } })] }) },
  "GET app/api/v1/warnings/[id]/route.ts": { scope: "record", request: warningRoute("") },
  "POST app/api/v1/warnings/[id]/transitions/route.ts": {
    scope: "record", request: warningRoute("/transitions", (v) => ({ to: "ACKNOWLEDGED", version: v.version })),
  },
  // Investigators hold actions:write for their cases; a warning's dissuasion is the center's and the precinct's work.
  "POST app/api/v1/warnings/[id]/actions/route.ts": {
    scope: "record", request: warningRoute("/actions", () => ({ kind: "HOTLINE_CALL", result: "CONNECTED" })),
  },
  "POST app/api/v1/warnings/[id]/home-visits/route.ts": {
    scope: "record",
    request: warningRoute("/home-visits", () => ({ arrivedAt: minutesAgo(1), personFound: true, outcome: "DISSUADED" }), () => ({ "idempotency-key": randomUUID() })),
  },
  "POST app/api/activity/route.ts": { scope: "none", request: async () => ({ path: "/api/activity" }) },
  "GET app/api/alerts/route.ts": { scope: "none", request: async () => ({ path: "/api/alerts" }) },
  "GET app/api/v1/warnings/stream/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/warnings/stream" }) },
  "POST app/api/v1/counter-intercepts/route.ts": {
    scope: "none",
    request: async () => ({
      path: "/api/v1/counter-intercepts", headers: { "idempotency-key": randomUUID() },
      body: { occurredAt: minutesAgo(5), bankName: "中国银行", bankBranch: "人民路支行", customerName: "李某", amountProtected: "10.00", fraudType: "FAKE_LOAN" },
    }),
  },

  "GET app/api/v1/cases/route.ts": { scope: "collection", request: async (w) => ({ path: "/api/v1/cases", marker: (await w.make.case()).id }) },
  "POST app/api/v1/cases/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/cases", body: caseInput() }) },
  "GET app/api/v1/cases/[id]/route.ts": { scope: "record", request: caseRoute("") },
  "PATCH app/api/v1/cases/[id]/route.ts": { scope: "record", request: caseRoute("", (c) => ({ version: c.version, summary: "被害人补充陈述：对方自称客服，诱导转账。" })) },
  "POST app/api/v1/cases/[id]/transitions/route.ts": { scope: "record", request: caseRoute("/transitions", (c) => ({ to: "PENDING_APPROVAL", version: c.version })) },
  "POST app/api/v1/cases/[id]/transfers/route.ts": {
    scope: "record", request: async (w) => caseRoute("/transfers", (c) => ({ toUnitCode: w.city.branches[0]!.precincts[1]!.code, reason: "管辖调整", version: c.version }))(w),
  },
  "GET app/api/v1/cases/[id]/victims/route.ts": { scope: "record", request: caseRoute("/victims") },
  "POST app/api/v1/cases/[id]/victims/route.ts": { scope: "record", request: caseRoute("/victims", () => ({ name: "李四", lossAmount: "1.00" })) },
  "PATCH app/api/v1/cases/[id]/victims/[subId]/route.ts": { scope: "record", request: caseSub("victims", (c) => c.victimId, () => ({ version: 1, lossAmount: "3.00" })) },
  "GET app/api/v1/cases/[id]/freezes/route.ts": { scope: "record", request: caseRoute("/freezes") },
  "POST app/api/v1/cases/[id]/freezes/route.ts": {
    scope: "record", request: caseRoute("/freezes", () => ({ kind: "STOP_PAYMENT", bankName: "建设银行", accountNumber: bankCard(), amountRequested: "5.00" })),
  },
  "PATCH app/api/v1/cases/[id]/freezes/[subId]/route.ts": {
    scope: "record", request: caseSub("freezes", (c) => c.freezeId, () => ({ version: 1, status: "EXECUTED", amountHeld: "10.00", executedAt: minutesAgo(1) })),
  },
  "GET app/api/v1/cases/[id]/suspects/route.ts": { scope: "record", request: caseRoute("/suspects") },
  "POST app/api/v1/cases/[id]/suspects/route.ts": { scope: "record", request: caseRoute("/suspects", () => ({ name: "王五" })) },
  "PATCH app/api/v1/cases/[id]/suspects/[subId]/route.ts": {
    scope: "record", request: caseSub("suspects", (c) => c.suspectId, () => ({ version: 1, status: "ARRESTED", at: minutesAgo(1) })),
  },
  "GET app/api/v1/cases/[id]/seized-items/route.ts": { scope: "record", request: caseRoute("/seized-items") },
  "POST app/api/v1/cases/[id]/seized-items/route.ts": {
    scope: "record", request: caseRoute("/seized-items", () => ({ type: "SIM_CARD", quantity: 3, seizedAt: minutesAgo(30) })),
  },
  "PATCH app/api/v1/cases/[id]/seized-items/[subId]/route.ts": {
    scope: "record", request: caseSub("seized-items", (c) => c.itemId, () => ({ version: 1, disposition: "CONFISCATED" })),
  },
  "GET app/api/v1/cases/[id]/recoveries/route.ts": { scope: "record", request: caseRoute("/recoveries") },
  "POST app/api/v1/cases/[id]/recoveries/route.ts": {
    scope: "record", request: caseRoute("/recoveries", () => ({ amount: "2.00", recoveredAt: minutesAgo(30), method: "VOLUNTARY" })),
  },
  "PATCH app/api/v1/cases/[id]/recoveries/[subId]/route.ts": {
    scope: "record", request: caseSub("recoveries", (c) => c.recoveryId, (c) => ({ version: 1, victimId: c.victimId, returnedAmount: "0.50", returnedAt: minutesAgo(1) })),
  },
  "POST app/api/v1/cases/[id]/gangs/route.ts": { scope: "record", request: caseRoute("/gangs", () => ({ name: `团伙${randomUUID().slice(0, 6)}` })) },

  "GET app/api/v1/publicity-events/route.ts": {
    scope: "collection", request: async (w) => ({ path: "/api/v1/publicity-events", marker: (await w.make.event()).id }),
  },
  "POST app/api/v1/publicity-events/route.ts": {
    scope: "none",
    request: async () => ({
      path: "/api/v1/publicity-events", headers: { "idempotency-key": randomUUID() },
      body: { kind: "LECTURE", targetGroup: "ELDERLY", title: "防诈讲座", occurredOn: today(), place: "社区活动室", audienceCount: 30 },
    }),
  },
  "GET app/api/v1/publicity-events/[id]/route.ts": {
    scope: "record", request: async (w) => {
      const { id } = await w.make.event();
      return { path: `/api/v1/publicity-events/${id}`, params: { id }, marker: id };
    },
  },
  "POST app/api/v1/app-registrations/route.ts": {
    scope: "none", request: async () => ({ path: "/api/v1/app-registrations", body: { items: [] } }),
  },
  // The register names persons: not for leaders (aggregates only, B11) nor machine clients.
  "GET app/(app)/publicity/measures/export/route.ts": {
    scope: "none", request: async () => ({ path: "/publicity/measures/export" }),
  },
  "GET app/api/v1/stats/summary/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/stats/summary" }) },
  "GET app/api/v1/stats/export/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/stats/export" }) },
  "GET app/(app)/audit/export/route.ts": { scope: "none", request: async () => ({ path: "/audit/export?format=csv" }) },

  // Revisits (回访) of dissuaded people.
  "GET app/api/v1/revisits/route.ts": { scope: "collection", request: async (w) => ({ path: "/api/v1/revisits", marker: (await dissuadedRevisit(w)).id }) },
  "POST app/api/v1/revisits/[id]/outcome/route.ts": {
    scope: "record",
    request: async (w) => {
      const r = await dissuadedRevisit(w);
      return { path: `/api/v1/revisits/${r.id}/outcome`, params: { id: r.id }, body: { version: r.version, outcome: "CONFIRMED" }, marker: r.id };
    },
  },

  // 一人一档 (person file). A person of P: the victim of a fresh warning of P (a fresh random mobile).
  // The other jurisdiction holds no record of the person: 404 on the file and its reveal, no hit in
  // its tail search, and an exact lookup that says "known" without naming the person.
  "GET app/api/v1/persons/route.ts": {
    scope: "collection", request: async (w) => {
      const p = await personOfP(w);
      return { path: `/api/v1/persons?tail=${p.phone.slice(-4)}`, marker: p.id };
    },
  },
  "POST app/api/v1/persons/lookup/route.ts": {
    scope: "collection", request: async (w) => {
      const p = await personOfP(w);
      return { path: "/api/v1/persons/lookup", body: { number: `+86 ${p.phone}`, reason: "来电核实身份" }, marker: p.id };
    },
  },
  "GET app/api/v1/persons/[id]/route.ts": {
    scope: "record", request: async (w) => {
      const p = await personOfP(w);
      return { path: `/api/v1/persons/${p.id}`, params: { id: p.id }, marker: p.id };
    },
  },
  "POST app/api/v1/persons/[id]/reveal/route.ts": {
    scope: "record", request: async (w) => {
      const p = await personOfP(w);
      return { path: `/api/v1/persons/${p.id}/reveal`, params: { id: p.id }, body: { identifierId: p.identifierId, reason: "回访核实号码" }, marker: p.id };
    },
  },

  // 移交审核 (warning transfers): the sender's side and the units above it get through (the receiving unit alone decides: 409 for the others); other units 404.
  "POST app/api/v1/warnings/[id]/transfers/route.ts": {
    scope: "record", request: async (w) => warningRoute("/transfers", (v) => ({ version: v.version, toUnitCode: w.city.branches[0]!.precincts[1]!.code, reason: "管辖调整" }))(w),
  },
  "POST app/api/v1/transfers/[id]/decisions/route.ts": {
    scope: "record", request: async (w) => {
      const t = await openTransfer(w);
      return { path: `/api/v1/transfers/${t.id}/decisions`, params: { id: t.id }, body: { decision: "RETURN", version: t.version, reason: "不属本所辖区" }, marker: t.id };
    },
  },
  "GET app/api/v1/transfers/route.ts": {
    scope: "collection", request: async (w) => ({ path: "/api/v1/transfers?direction=outgoing", marker: (await openTransfer(w)).id }),
  },
  // Appeals (申诉) against measures: records of P through their measure; persons, so not for leaders.
  "GET app/api/v1/appeals/route.ts": { scope: "collection", request: async (w) => ({ path: "/api/v1/appeals", marker: (await w.make.appeal()).id }) },
  "POST app/api/v1/appeals/route.ts": {
    scope: "record",
    request: async (w) => {
      const m = await w.make.measure();
      return { path: "/api/v1/appeals", body: { measureId: m.id, appellantName: "王小明", grounds: "并非本人办卡", receivedOn: today() }, marker: m.id };
    },
  },
  "GET app/api/v1/appeals/[id]/route.ts": { scope: "record", request: appealRoute("") },
  "POST app/api/v1/appeals/[id]/review/route.ts": { scope: "record", request: appealRoute("/review", (a) => ({ version: a.version })) },
  "POST app/api/v1/appeals/[id]/decision/route.ts": {
    scope: "record", request: appealRoute("/decision", (a) => ({ version: a.version, decision: "REVOKED", reason: "证据表明电话卡非本人使用" })),
  },
  "POST app/api/v1/appeals/[id]/withdrawal/route.ts": { scope: "record", request: appealRoute("/withdrawal", (a) => ({ version: a.version })) },

  // Outbound (issue 16): the gateway's delivery receipts carry no user or key but the HMAC of the
  // shared secret; a bad one is a 401, audited (tests/integration/outbound.test.ts).
  "POST app/api/v1/gateway/receipts/route.ts": { public: "gateway delivery receipts, authenticated by their HMAC signature (401 and audited without one)", call: false },
  // 易受骗人群/高危人员 (person labels) and targeted outreach: a labelled person of P, a campaign with a task of P.
  "GET app/api/v1/persons/labels/route.ts": {
    scope: "collection", request: async (w) => ({ path: "/api/v1/persons/labels", marker: (await labelledOfP(w)).personId }),
  },
  "POST app/api/v1/persons/[id]/labels/route.ts": {
    scope: "record", request: async (w) => {
      const p = await personOfP(w);
      return { path: `/api/v1/persons/${p.id}/labels`, params: { id: p.id }, body: { label: "STUDENT" }, marker: p.id };
    },
  },
  "POST app/api/v1/persons/labels/import/preview/route.ts": {
    scope: "none", request: async () => ({ path: "/api/v1/persons/labels/import/preview", body: { csv: "姓名,手机号,标签\n李四,13900000000,学生\n" } }),
  },
  "POST app/api/v1/persons/labels/import/route.ts": {
    scope: "none", request: async () => ({ path: "/api/v1/persons/labels/import", body: { csv: "姓名,手机号,标签\n李四,notaphone,学生\n" } }),
  },
  "GET app/api/v1/outreach/route.ts": {
    scope: "collection", request: async (w) => ({ path: "/api/v1/outreach", marker: (await outreachTaskOfP(w)).campaignId }),
  },
  "POST app/api/v1/outreach/route.ts": {
    scope: "record", request: async (w) => ({ path: "/api/v1/outreach", body: { label: "ELDERLY_ALONE", unit: w.P.code, notContactedDays: 90 }, marker: w.P.id }),
  },
  "GET app/api/v1/outreach/tasks/route.ts": {
    scope: "collection", request: async (w) => ({ path: "/api/v1/outreach/tasks", marker: (await outreachTaskOfP(w)).id }),
  },
  "POST app/api/v1/outreach/tasks/[id]/outcome/route.ts": {
    scope: "record", request: async (w) => {
      const t = await outreachTaskOfP(w);
      return { path: `/api/v1/outreach/tasks/${t.id}/outcome`, params: { id: t.id }, body: { version: t.version, outcome: "VISITED" }, marker: t.id };
    },
  },

  // 串并案 (fraud contacts, 并案): the contacts of a record of P, a contact P's records share, and a
  // proposal between two cases of P (decided only with the cases:approve grant: no party holds it).
  "GET app/api/v1/cases/[id]/contacts/route.ts": { scope: "record", request: caseRoute("/contacts") },
  "POST app/api/v1/cases/[id]/contacts/route.ts": { scope: "record", request: caseRoute("/contacts", () => ({ kind: "WECHAT", value: `wx_${randomInt(1e9)}` })) },
  "POST app/api/v1/cases/[id]/links/route.ts": {
    scope: "record", request: async (w) => {
      const other = await w.make.case();
      return caseRoute("/links", () => ({ otherCaseId: other.id, reason: "同一收款账户" }))(w);
    },
  },
  "GET app/api/v1/warnings/[id]/contacts/route.ts": { scope: "record", request: warningRoute("/contacts") },
  "GET app/api/v1/fraud-contacts/route.ts": { scope: "collection", request: async (w) => ({ path: "/api/v1/fraud-contacts", marker: await sharedContactOfP(w) }) },
  "GET app/api/v1/fraud-contacts/[id]/route.ts": {
    scope: "record", request: async (w) => {
      const id = await sharedContactOfP(w);
      return { path: `/api/v1/fraud-contacts/${id}`, params: { id }, marker: id };
    },
  },
  "POST app/api/v1/case-links/[id]/decision/route.ts": {
    scope: "record", request: async (w) => {
      const p = await linkProposalOfP(w);
      return { path: `/api/v1/case-links/${p.id}/decision`, params: { id: p.id }, body: { decision: "reject", version: p.version }, marker: p.id };
    },
  },

  // App follow-ups (APP回访) of people dissuaded without the app: records of P.
  "GET app/api/v1/app-followups/route.ts": { scope: "collection", request: async (w) => ({ path: "/api/v1/app-followups", marker: (await openAppFollowUp(w)).id }) },
  "GET app/api/v1/app-followups/[id]/route.ts": {
    scope: "record", request: async (w) => { const f = await openAppFollowUp(w); return { path: `/api/v1/app-followups/${f.id}`, params: { id: f.id }, marker: f.id }; },
  },
  "POST app/api/v1/app-followups/[id]/outcome/route.ts": {
    scope: "record",
    request: async (w) => {
      const f = await openAppFollowUp(w);
      return { path: `/api/v1/app-followups/${f.id}/outcome`, params: { id: f.id }, body: { version: f.version, outcome: "INSTALLED" }, marker: f.id };
    },
  },

  // Recorded labels end, and targeted outreach is cancelled: a label of P, a campaign of P.
  "DELETE app/api/v1/persons/[id]/labels/[labelId]/route.ts": {
    scope: "record", request: async (w) => {
      const l = await labelledOfP(w);
      return { path: `/api/v1/persons/${l.personId}/labels/${l.labelId}`, params: { id: l.personId, labelId: l.labelId }, marker: l.personId };
    },
  },
  "POST app/api/v1/outreach/[id]/cancel/route.ts": {
    scope: "record", request: async (w) => {
      const { campaignId } = await outreachTaskOfP(w);
      return { path: `/api/v1/outreach/${campaignId}/cancel`, params: { id: campaignId }, body: { reason: "社区名单已更新，重新发起" }, marker: campaignId };
    },
  },

  // Bank and carrier requests (止付 / 冻结 / 停机 / 核查): raised from a case or a warning of P.
  "POST app/api/v1/cases/[id]/partner-requests/route.ts": { scope: "record", request: caseRoute("/partner-requests", () => partnerRequestBody()) },
  "POST app/api/v1/warnings/[id]/partner-requests/route.ts": { scope: "record", request: warningRoute("/partner-requests", () => partnerRequestBody()) },
  "GET app/api/v1/partner-requests/route.ts": { scope: "collection", request: async (w) => ({ path: "/api/v1/partner-requests", marker: (await partnerRequestOfP(w)).id }) },
  "GET app/api/v1/partner-requests/[id]/route.ts": {
    scope: "record", request: async (w) => { const r = await partnerRequestOfP(w); return { path: `/api/v1/partner-requests/${r.id}?reason=${encodeURIComponent("打印协查文书送达银行")}`, params: { id: r.id }, marker: r.id }; },
  },
  "POST app/api/v1/partner-requests/[id]/answer/route.ts": {
    scope: "record",
    request: async (w) => {
      const r = await partnerRequestOfP(w);
      return { path: `/api/v1/partner-requests/${r.id}/answer`, params: { id: r.id }, body: { version: 1, result: "ACCEPTED" }, marker: r.id };
    },
  },
  // The map (issue 17): aggregates by area; the administrator's boundaries of their own jurisdiction.
  "GET app/api/v1/stats/map/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/stats/map" }) },
  "POST app/api/v1/map/boundaries/route.ts": { scope: "none", request: async (w) => ({ path: "/api/v1/map/boundaries", body: { crs: "GCJ02", geojson: boundaryFile(w.P.code) } }) },
  "DELETE app/api/v1/map/boundaries/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/map/boundaries" }) },
  // Victim profiles (issue 17 item 3): aggregates of the caller's jurisdiction, like the statistics.
  "GET app/api/v1/stats/profiles/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/stats/profiles" }) },
  "GET app/api/v1/stats/profiles/export/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/stats/profiles/export" }) },
  // 96110 call events and feedback upstream (issue 16 items 4 and 6).
  "POST app/api/v1/call-events/route.ts": {
    scope: "none",
    request: async () => ({ path: "/api/v1/call-events", body: { callId: `C-${randomUUID()}`, event: "RINGING", at: minutesAgo(1), callerNumber: "96110", calleeNumber: "13800138000" } }),
  },
  "GET app/api/v1/call-events/route.ts": { scope: "collection", request: async (w) => ({ path: "/api/v1/call-events", marker: await callOfP(w) }) },
  "GET app/api/v1/feedback/route.ts": { scope: "collection", request: async (w) => ({ path: "/api/v1/feedback", marker: await feedbackOfP(w) }) },
  // The big screen (大屏): aggregates and a kind-only stream of the caller's jurisdiction.
  "GET app/api/v1/wall/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/wall" }) },
  "GET app/api/v1/wall/stream/route.ts": { scope: "none", request: async () => ({ path: "/api/v1/wall/stream" }) },
};

/** A stop-payment request's fields (a fresh account each time). */
export const partnerRequestBody = () => ({ kind: "STOP_PAYMENT", partnerName: "中国建设银行", target: bankCard(), holderName: "李某", amount: "50.00", approverName: "刘局长" });

/** A fresh stop-payment request raised from a case of P by P's investigator. */
export async function partnerRequestOfP(w: World): Promise<{ id: string }> {
  const c = await w.make.case();
  return requestFromCase((await makeUser(w.P, "INVESTIGATOR")).actor, { id: c.id, ...partnerRequestBody() });
}

/** A 96110 call the city's call center reported on a fresh warning of P (attached to it). */
export async function callOfP(w: World): Promise<string> {
  const v = await w.make.warning();
  const { victimPhone } = await getDb().warning.findUniqueOrThrow({ where: { id: v.id }, select: { victimPhone: true } });
  const center = (await makeApiKey(w.city.center, ["calls:ingest"])).actor;
  const r = await ingestCallEvent(center, { callId: `C-${randomUUID()}`, event: "RINGING", at: new Date().toISOString(), callerNumber: "96110", calleeNumber: victimPhone });
  if (r.warningId !== v.id) throw new Error("the call did not attach to P's warning");
  return r.id;
}

/** The feedback (签收) a fresh NATIONAL warning of P queued for its source. */
export async function feedbackOfP(w: World): Promise<string> {
  const v = await w.make.warning();
  await transitionWarning((await makeUser(w.P, "OFFICER")).actor, { id: v.id, to: "ACKNOWLEDGED", version: v.version });
  return (await getDb().outboundMessage.findFirstOrThrow({ where: { warningId: v.id, channel: "FEEDBACK" }, select: { id: true } })).id;
}

/** A fresh fraud contact two warnings of P share (the cluster list's default period holds them). */
export async function sharedContactOfP(w: World): Promise<string> {
  const feed = (await makeApiKey(w.city.city, ["warnings:ingest"])).actor;
  const value = `0719${String(randomInt(0, 1e7)).padStart(7, "0")}`;
  for (let i = 0; i < 2; i++) {
    const [r] = await ingestWarnings(feed, [warningInput({ unitCode: w.P.code, contact: { channel: "PHONE", value } })]);
    if (r?.status !== "created") throw new Error(`warning not created: ${JSON.stringify(r)}`);
  }
  return (await getDb().fraudContact.findUniqueOrThrow({ where: { kind_value: { kind: "PHONE", value } }, select: { id: true } })).id;
}

/** A pending 并案 proposal between two fresh cases of P, by an investigator of P. */
export async function linkProposalOfP(w: World): Promise<{ id: string; version: number }> {
  const [a, b] = [await w.make.case(), await w.make.case()];
  return proposeCaseLink((await makeUser(w.P, "INVESTIGATOR")).actor, { id: a.id, otherCaseId: b.id, reason: "同一收款账户、同一话术" });
}

/** The person a fresh warning of P names, with its mobile and that mobile's identifier. */
export async function personOfP(w: World) {
  const { id } = await w.make.warning();
  const r = await getDb().warning.findUniqueOrThrow({ where: { id }, select: { personId: true, victimPhone: true } });
  const i = await getDb().personIdentifier.findUniqueOrThrow({ where: { kind_value: { kind: "MOBILE", value: r.victimPhone } } });
  return { id: r.personId!, phone: r.victimPhone, identifierId: i.id };
}

/** A boundary file of one square for a unit code. */
export const boundaryFile = (code: string) => JSON.stringify({
  type: "FeatureCollection",
  features: [{ type: "Feature", properties: { code }, geometry: { type: "Polygon", coordinates: [[[110.7, 32.6], [110.8, 32.6], [110.8, 32.7], [110.7, 32.7], [110.7, 32.6]]] } }],
});
