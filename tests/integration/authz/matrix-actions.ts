// The authorization matrix of the server actions (SECURITY.md B8). Every exported function of every
// "use server" file must have an entry. Who may call it is read from its command's declaration
// (every other role must be refused with FORBIDDEN, or what `denied` says); the entry says whether it acts on one record of precinct P (`record`:
// the other jurisdiction's party must get NOT_FOUND). `args` builds the call's arguments afresh.
// "allowed" means the guard let the call through: success, or a business answer (422, 409 …).
import { randomInt, randomUUID } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import { addDays } from "@/lib/time/china";
import { form, type Outcome } from "./call";
import { SHARED_CONTACT, SHARED_VICTIM_PHONE, minutesAgo, today, type World } from "./world";

export type Side = "own" | "other";
import { bankCard, caseInput } from "../cases-fixtures";
import { dissuadedRevisit } from "../revisits-fixtures";
import { boundaryFile, linkProposalOfP, partnerRequestBody, partnerRequestOfP, personOfP } from "./matrix-routes";
import { openAppFollowUp } from "../appfollowups-fixtures";
import { openTransfer } from "./transfers";
import { DEFAULT_TEMPLATES } from "@/lib/outbound/templates";
import { DEFAULT_LADDER } from "@/lib/outbound/ladder-config";
import { labelledOfP, outreachTaskOfP } from "../person-labels-fixtures";

export type ActionRule = {
  /** Callable without a session (the login page's language switch): no command, no actor. */
  public?: true;
  scope: "record" | "none" | "self";
  /** The call's arguments, built afresh; `side` says whose call it is (a target of their own jurisdiction). */
  args: (w: World, side: Side) => Promise<unknown[]>;
  /** What a role without the command's permission gets, when not FORBIDDEN (per role). */
  denied?: Partial<Record<Role, Outcome>> & { all?: Outcome };
  /** What the other jurisdiction's party gets, when not NOT_FOUND. */
  other?: Outcome;
  /**
   * What a role the declaration lets through gets on its own side's target, when not "allowed":
   * a record only the unit that made it sees (NOT_FOUND to the rest of the jurisdiction).
   */
  own?: Partial<Record<Role, Outcome>>;
};


const prev = null;
type CaseRecords = Awaited<ReturnType<World["make"]["case"]>>;
/** A case-page form: the case's id (and a record's), plus the record's fields. */
const caseForm = (fields: (c: CaseRecords, w: World) => Record<string, unknown>) => async (w: World) => {
  const c = await w.make.case();
  return [prev, form({ id: c.id, ...fields(c, w) })];
};
const warningForm = (fields: (v: { id: string; version: number }, w: World, side: Side) => Record<string, unknown>) => async (w: World, side: Side) => {
  const v = await w.make.warning();
  return [prev, form({ id: v.id, ...fields(v, w, side) })];
};
/** A precinct of the caller's own city other than P (a dispatch or transfer target they may name). */
const targetUnit = (w: World, side: Side) => (side === "own" ? w.city : w.far).branches[0]!.precincts[1]!.code;
const eventFields = { kind: "COMMUNITY", targetGroup: "ELDERLY", title: "社区反诈宣传", occurredOn: addDays(today(), -2), place: "广场", audienceCount: "80" };
const measureFields = { personName: "王小明", measure: "RESTRICT_CALLS", startsOn: addDays(today(), -5), endsOn: addDays(today(), 20), reason: "名下电话卡被用于实施诈骗" };
const visit = { arrivedAt: minutesAgo(1), personFound: "true", outcome: "DISSUADED" };

export const ACTION_MATRIX: Record<string, ActionRule> = {
  "app/actions/locale.ts#setLocale": { public: true, scope: "none", args: async () => [form({ locale: "en" })] },

  // One's own account: password and second factor (any signed-in user, only their own).
  "app/(auth)/account/actions.ts#changePasswordAction": { scope: "self", args: async () => [prev, form({ current: "Wrong-Password-1", next: "x", confirm: "x" })] },
  "app/(auth)/account/actions.ts#startTotpAction": { scope: "self", args: async () => [] },
  "app/(auth)/account/actions.ts#confirmTotpAction": { scope: "self", args: async () => [prev, form({ code: "000000" })] },
  "app/(auth)/account/actions.ts#regenerateCodesAction": { scope: "self", args: async () => [prev, form({ code: "000000" })] },
  "app/(auth)/account/actions.ts#removeFactorAction": { scope: "self", args: async () => [prev, form({ code: "000000" })] },
  "app/(app)/notifications/actions.ts#markAllReadAction": { scope: "self", args: async () => [prev, form({})] },
  "app/(app)/notifications/actions.ts#setAlertPrefsAction": { scope: "self", args: async () => [{ sound: true, desktop: false }] },
  "app/(app)/notifications/actions.ts#openNotificationsAction": { scope: "self", args: async () => [prev, form({ "ids.0": randomUUID() })] },

  // Administration (三员分立: the admin only).
  "app/(app)/admin/users/actions.ts#createUserAction": {
    scope: "none",
    args: async (w) => [prev, form({ username: `m${randomUUID().slice(0, 8)}`, displayName: "矩阵测试", role: "OFFICER", unitCode: w.P.code })],
  },
  "app/(app)/admin/users/actions.ts#updateUserAction": { scope: "record", args: async (w) => { const u = await w.make.user(); return [prev, form({ id: u.id, version: u.version, active: "false" })]; } },
  "app/(app)/admin/users/actions.ts#resetPasswordAction": { scope: "record", args: async (w) => [prev, form({ id: (await w.make.user()).id })] },
  "app/(app)/admin/users/actions.ts#resetFactorAction": { scope: "record", args: async (w) => [prev, form({ id: (await w.make.user()).id })] },
  "app/(app)/admin/users/actions.ts#endSessionsAction": { scope: "record", args: async (w) => [prev, form({ id: (await w.make.user()).id })] },
  "app/(app)/admin/units/actions.ts#createUnitAction": {
    scope: "none",
    args: async (w) => [prev, form({ code: `${w.city.branches[1]!.code}${randomInt(10, 99)}`, name: "矩阵测试所", kind: "PRECINCT", parentCode: w.city.branches[1]!.code })],
  },
  "app/(app)/admin/units/actions.ts#updateUnitAction": { scope: "record", args: async (w) => { const u = await w.make.unit(); return [prev, form({ id: u.id, version: u.version, active: "false" })]; } },
  "app/(app)/admin/api-keys/actions.ts#createApiKeyAction": { scope: "none", args: async (w) => [prev, form({ name: "矩阵测试密钥", unitCode: w.P.code, scopes: "warnings:read" })] },
  // 三员分立: a grant of PII access proposed by the admin is decided by the security officer. The
  // auditor holds grants:approve too, but only for proposals about a security officer's account.
  "app/(app)/approvals/actions.ts#decideProposalAction": {
    // The auditor holds grants:approve too, but decides only proposals for security-officer accounts (B11).
    scope: "record", own: { AUDITOR: "forbidden" },
    args: async (w) => { const p = await w.make.proposal(); return [prev, form({ id: p.id, version: p.version, decision: "approve" })]; },
  },
  // Configuration: the platform's, so the admin of the root unit; a stale or bad form is their business answer.
  "app/(app)/admin/settings/actions.ts#updateSlaAction": { scope: "none", args: async () => [prev, form({ "CRITICAL.version": "1", "CRITICAL.ackMinutes": "0" })] },
  "app/(app)/admin/settings/actions.ts#updateSecurityAction": { scope: "none", args: async () => [prev, form({ passwordMaxAgeDays: "90", passwordMaxAgeDaysVersion: "0", auditRetentionDays: "30", auditRetentionDaysVersion: "0" })] },
  "app/(app)/admin/api-keys/actions.ts#revokeApiKeyAction": { scope: "record", args: async (w) => { const k = await w.make.apiKey(); return [prev, form({ id: k.id, version: k.version })]; } },

  // Warnings (command center and precincts).
  "app/(app)/warnings/actions.ts#transitionAction": { scope: "record", args: warningForm((v) => ({ to: "ACKNOWLEDGED", version: v.version })) },
  "app/(app)/warnings/actions.ts#bulkAcknowledgeAction": {
    scope: "record", other: "refused",
    args: async (w) => { const v = await w.make.warning(); return [[{ id: v.id, version: v.version }]]; },
  },
  "app/(app)/warnings/actions.ts#bulkDispatchAction": {
    scope: "record", other: "refused",
    args: async (w, side) => { const v = await w.make.warning(); return [[{ id: v.id, version: v.version }], targetUnit(w, side)]; },
  },
  "app/(app)/warnings/actions.ts#dispatchAction": { scope: "record", args: warningForm((v, w, side) => ({ unitCode: targetUnit(w, side), version: v.version })) },
  // Investigators hold actions:write for their cases; a warning's dissuasion is the center's and the precinct's work.
  "app/(app)/warnings/actions.ts#logCallAction": { scope: "record", args: warningForm(() => ({ kind: "HOTLINE_CALL", result: "CONNECTED", durationMinutes: "3" })) },
  // The next warning of the caller's own queue (the center's, or the precinct's).
  "app/(app)/warnings/actions.ts#takeNextAction": { scope: "none", args: async () => [] },
  "app/(app)/warnings/actions.ts#createManualWarningAction": {
    scope: "none",
    args: async () => [prev, form({ source: "HOTLINE", riskLevel: "HIGH", fraudType: "FAKE_LOAN", victim: { phone: SHARED_VICTIM_PHONE }, contact: { channel: "PHONE", value: SHARED_CONTACT } })],
  },
  "app/(app)/warnings/actions.ts#revealAction": { scope: "record", args: async (w) => [(await w.make.warning()).id, "victimPhone", "回拨核实情况"] },

  // The duty shift (交接班): dispatchers write and take over; a leader reads only. A second open
  // handover of the same dispatcher is their business answer (409), not a denial.
  "app/(app)/handover/actions.ts#createHandoverAction": { scope: "none", args: async () => [prev, form({ note: "矩阵测试交班" })] },
  "app/(app)/handover/actions.ts#acknowledgeHandoverAction": {
    scope: "record", args: async (w) => { const h = await w.make.handover(); return [prev, form({ id: h.id, version: h.version })]; },
  },

  // Field work (precincts).
  "app/(app)/field/actions.ts#homeVisitAction": {
    scope: "record", args: async (w) => [prev, form({ id: (await w.make.warning()).id, ...visit, idempotencyKey: randomUUID() })],
  },
  "app/(app)/field/actions.ts#followUpVisitAction": {
    // A follow-up of a standalone record (no warning) belongs to the unit that recorded it.
    scope: "record", own: { DISPATCHER: "not-found" }, args: async (w) => [prev, form({ id: (await w.make.intercept()).id, ...visit, idempotencyKey: randomUUID() })],
  },
  "app/(app)/field/actions.ts#counterInterceptAction": {
    scope: "none",
    args: async () => [prev, form({ occurredAt: minutesAgo(5), bankName: "中国银行", bankBranch: "人民路支行", customerName: "李某", amountProtected: "10.00", fraudType: "FAKE_LOAN", idempotencyKey: randomUUID() })],
  },
  "app/(app)/field/actions.ts#claimAction": { scope: "record", args: warningForm((v) => ({ version: v.version })) },
  "app/(app)/field/actions.ts#assignAction": { scope: "record", args: warningForm((v, w) => ({ userId: w.own.OFFICER.actor.id, version: v.version })) },
  "app/(app)/field/actions.ts#revealVictimAction": { scope: "record", args: async (w) => [(await w.make.warning()).id, "victimPhone", "外勤民警致电当事人"] },
  "app/(app)/field/actions.ts#revealCustomerPhoneAction": {
    // A standalone record (no warning) is seen by the unit that recorded it only.
    scope: "record", own: { DISPATCHER: "not-found", INVESTIGATOR: "not-found" },
    args: async (w) => [(await w.make.intercept()).id, "外勤民警回访致电当事人"],
  },

  // Cases (investigators write; readers reveal with pii:reveal).
  "app/(app)/cases/actions.ts#createCaseAction": { scope: "none", args: async () => [prev, form(caseInput())] },
  "app/(app)/cases/actions.ts#transitionAction": { scope: "record", args: caseForm((c) => ({ to: "PENDING_APPROVAL", version: c.version })) },
  "app/(app)/cases/actions.ts#transferAction": {
    scope: "record", args: async (w, side) => caseForm((c) => ({ toUnitCode: targetUnit(w, side), reason: "管辖调整", version: c.version }))(w),
  },
  "app/(app)/cases/actions.ts#dismantleGangAction": {
    scope: "record", args: async (w) => { const c = await w.make.case(); return [prev, form({ id: c.gangId, version: 1, dismantledAt: minutesAgo(10) })]; },
  },
  "app/(app)/cases/actions.ts#revealCasePiiAction": { scope: "record", args: async (w) => { const c = await w.make.case(); return ["victim", c.victimId, "phone", "联系被害人核实"]; } },
  "app/(app)/cases/[id]/actions.ts#updateFactsAction": { scope: "record", args: caseForm((c) => ({ version: c.version, summary: "被害人补充陈述：对方自称客服。" })) },
  "app/(app)/cases/[id]/actions.ts#updateVictimAction": { scope: "record", args: caseForm((c) => ({ subId: c.victimId, version: 1, lossAmount: "2.00" })) },
  "app/(app)/cases/[id]/actions.ts#addVictimAction": { scope: "record", args: caseForm(() => ({ name: "李四", lossAmount: "1.00" })) },
  "app/(app)/cases/[id]/actions.ts#requestFreezeAction": {
    scope: "record", args: caseForm(() => ({ kind: "FREEZE", bankName: "农业银行", accountNumber: bankCard(), amountRequested: "3.00" })),
  },
  "app/(app)/cases/[id]/actions.ts#updateFreezeAction": {
    scope: "record", args: caseForm((c) => ({ subId: c.freezeId, version: 1, status: "EXECUTED", amountHeld: "10.00", executedAt: minutesAgo(1) })),
  },
  "app/(app)/cases/[id]/actions.ts#addSuspectAction": { scope: "record", args: caseForm(() => ({ name: "赵六" })) },
  "app/(app)/cases/[id]/actions.ts#suspectStatusAction": { scope: "record", args: caseForm((c) => ({ subId: c.suspectId, version: 1, status: "ARRESTED" })) },
  "app/(app)/cases/[id]/actions.ts#suspectGangAction": { scope: "record", args: caseForm((c) => ({ subId: c.suspectId, version: 1, gangId: c.gangId })) },
  "app/(app)/cases/[id]/actions.ts#gangAction": { scope: "record", args: caseForm(() => ({ name: `团伙${randomInt(1e6)}` })) },
  "app/(app)/cases/[id]/actions.ts#addItemAction": { scope: "record", args: caseForm(() => ({ type: "BANK_CARD", quantity: "2", seizedAt: minutesAgo(20) })) },
  "app/(app)/cases/[id]/actions.ts#updateItemAction": { scope: "record", args: caseForm((c) => ({ subId: c.itemId, version: 1, disposition: "HELD" })) },
  "app/(app)/cases/[id]/actions.ts#recoveryAction": { scope: "record", args: caseForm(() => ({ amount: "1.50", recoveredAt: minutesAgo(20), method: "OTHER" })) },
  "app/(app)/cases/[id]/actions.ts#returnAction": {
    scope: "record", args: caseForm((c) => ({ subId: c.recoveryId, version: 1, victimId: c.victimId, returnedAmount: "0.50", returnedAt: minutesAgo(1) })),
  },

  // Publicity and prevention.
  "app/(app)/publicity/events/actions.ts#createEventAction": { scope: "none", args: async () => [prev, form(eventFields)] },
  "app/(app)/publicity/events/actions.ts#updateEventAction": {
    scope: "record", args: async (w) => [prev, form({ id: (await w.make.event()).id, version: "1", ...eventFields })],
  },
  "app/(app)/publicity/campaigns/actions.ts#createCampaignAction": { scope: "none", args: async () => [prev, form({ kind: "SCHOOL", name: "无诈校园", status: "PLANNED" })] },
  "app/(app)/publicity/campaigns/actions.ts#updateCampaignAction": {
    scope: "record", args: async (w) => [prev, form({ id: (await w.make.campaign()).id, version: "1", kind: "COMMUNITY", name: "无诈社区", status: "IN_PROGRESS", startedOn: addDays(today(), -3) })],
  },
  "app/(app)/publicity/measures/actions.ts#createMeasureAction": { scope: "none", args: async () => [prev, form(measureFields)] },
  "app/(app)/publicity/measures/actions.ts#updateMeasureAction": {
    scope: "record", args: async (w) => [prev, form({ id: (await w.make.measure()).id, version: "1", ...measureFields })],
  },
  "app/(app)/publicity/measures/actions.ts#revealMeasureAction": { scope: "record", args: async (w) => [(await w.make.measure()).id, "personIdNumber", "核实身份信息"] },
  "app/(app)/publicity/counts/actions.ts#setCountAction": {
    scope: "none", args: async (w) => [prev, form({ unitCode: w.P.code, metric: "APP_REGISTRATIONS", day: addDays(today(), -randomInt(30, 300)), count: "5" })],
  },
  "app/(app)/publicity/counts/import/actions.ts#previewImportAction": { scope: "none", args: async () => [{}] },
  "app/(app)/publicity/counts/import/actions.ts#commitImportAction": { scope: "none", args: async () => [{}] },

  // Revisits (回访) of dissuaded people; the intervals setting is sent invalid so nothing global changes.
  "app/(app)/field/actions.ts#revisitOutcomeAction": {
    scope: "record", args: async (w) => {
      const r = await dissuadedRevisit(w);
      return [prev, form({ id: r.id, version: String(r.version), outcome: "CONFIRMED" })];
    },
  },
  "app/(app)/admin/settings/actions.ts#updateRevisitsAction": { scope: "none", args: async () => [prev, form({ revisitDays: "7, 1", revisitDaysVersion: "0" })] },
  // 一人一档 (person file): the exact lookup (a list-like answer: the other side is told "known"
  // without the person) and the reveal of one number of a file of P.
  "app/(app)/persons/actions.ts#lookupAction": {
    scope: "none", args: async (w) => [prev, form({ number: (await personOfP(w)).phone, reason: "来电核实身份" })],
  },
  "app/(app)/persons/actions.ts#revealIdentifierAction": {
    scope: "record", args: async (w) => {
      const p = await personOfP(w);
      return [p.id, p.identifierId, "回访核实号码"];
    },
  },
  // 移交审核 (warning transfers): propose on a warning of P; decide an open transfer of P (the receiving unit alone decides: the others' 409 is the rule speaking).
  "app/(app)/transfers/actions.ts#proposeTransferAction": {
    scope: "record", args: warningForm((v, w, side) => ({ version: v.version, toUnitCode: targetUnit(w, side), reason: "管辖调整" })),
  },
  "app/(app)/transfers/actions.ts#decideTransferAction": {
    scope: "record", args: async (w) => {
      const t = await openTransfer(w);
      return [prev, form({ id: t.id, version: t.version, decision: "RETURN", reason: "不属本所辖区" })];
    },
  },

  // Appeals (申诉) against measures, and their review period.
  "app/(app)/publicity/appeals/actions.ts#registerAppealAction": {
    scope: "record", args: async (w) => [prev, form({ measureId: (await w.make.measure()).id, appellantName: "王小明", grounds: "并非本人办卡", receivedOn: today() })],
  },
  "app/(app)/publicity/appeals/actions.ts#takeAppealAction": { scope: "record", args: async (w) => [prev, form({ id: (await w.make.appeal()).id, version: "1" })] },
  "app/(app)/publicity/appeals/actions.ts#decideAppealAction": {
    scope: "record", args: async (w) => [prev, form({ id: (await w.make.appeal()).id, version: "1", decision: "UPHELD", reason: "理由不成立，维持原措施" })],
  },
  "app/(app)/publicity/appeals/actions.ts#withdrawAppealAction": { scope: "record", args: async (w) => [prev, form({ id: (await w.make.appeal()).id, version: "1" })] },
  "app/(app)/admin/settings/actions.ts#updateAppealSettingsAction": {
    scope: "none", args: async () => [prev, form({ appealDeadlineDays: "15", appealDeadlineDaysVersion: "0" })],
  },

  // Outbound (issue 16): the dissuasion templates and ladder, global settings of the root administrator.
  "app/(app)/admin/outbound/actions.ts#updateOutboundTemplatesAction": { scope: "none", args: async () => [prev, form({ ...outboundTemplatesForm(), version: "0" })] },
  "app/(app)/admin/outbound/actions.ts#updateOutboundLadderAction": { scope: "none", args: async () => [prev, form({ ...outboundLadderForm(), version: "0" })] },
  // 易受骗人群/高危人员 (person labels) and targeted outreach; the import is sent with an invalid row only, so nothing is written.
  "app/(app)/field/vulnerable/actions.ts#outreachOutcomeAction": {
    scope: "record", args: async (w) => {
      const t = await outreachTaskOfP(w);
      return [prev, form({ id: t.id, version: String(t.version), outcome: "VISITED" })];
    },
  },
  "app/(app)/field/vulnerable/actions.ts#createOutreachAction": {
    scope: "record", args: async (w) => [prev, form({ label: "ELDERLY_ALONE", unit: w.P.code, notContactedDays: "90" })],
  },
  "app/(app)/field/vulnerable/actions.ts#previewLabelImportAction": { scope: "none", args: async () => [[["姓名", "手机号", "标签"], ["李四", "13900000000", "学生"]]] },
  "app/(app)/field/vulnerable/actions.ts#commitLabelImportAction": { scope: "none", args: async () => [[["姓名", "手机号", "标签"], ["李四", "notaphone", "学生"]]] },
  // 串并案: a contact and a 并案 proposal on a case of P; the decision on a proposal between two cases of P.
  "app/(app)/cases/links/actions.ts#addContactAction": { scope: "record", args: caseForm(() => ({ kind: "QQ", value: String(randomInt(1e5, 1e9)) })) },
  "app/(app)/cases/links/actions.ts#proposeLinkAction": {
    scope: "record", args: async (w) => {
      const other = await w.make.case();
      return caseForm(() => ({ otherCaseId: other.id, reason: "同一收款账户" }))(w);
    },
  },
  "app/(app)/cases/links/actions.ts#decideLinkAction": {
    scope: "record", args: async (w) => {
      const p = await linkProposalOfP(w);
      return [prev, form({ id: p.id, version: String(p.version), decision: "reject" })];
    },
  },

  // App follow-ups (APP回访) of people dissuaded without the app.
  "app/(app)/field/actions.ts#appFollowUpOutcomeAction": {
    scope: "record", args: async (w) => {
      const f = await openAppFollowUp(w);
      return [prev, form({ id: f.id, version: String(f.version), outcome: "INSTALLED" })];
    },
  },
  // Recorded labels end, and targeted outreach is cancelled: a label of P, a campaign of P.
  "app/(app)/field/vulnerable/actions.ts#removeLabelAction": {
    scope: "record", args: async (w) => {
      const l = await labelledOfP(w);
      return [prev, form({ id: l.personId, labelId: l.labelId })];
    },
  },
  "app/(app)/field/vulnerable/actions.ts#cancelOutreachAction": {
    scope: "record", args: async (w) => [prev, form({ id: (await outreachTaskOfP(w)).campaignId, reason: "社区名单已更新，重新发起" })],
  },
  // Bank and carrier requests (止付 / 冻结 / 停机 / 核查) from the case and warning pages, and their answers.
  "app/(app)/requests/actions.ts#requestFromCaseAction": { scope: "record", args: caseForm(() => partnerRequestBody()) },
  "app/(app)/requests/actions.ts#requestFromWarningAction": { scope: "record", args: warningForm(() => partnerRequestBody()) },
  "app/(app)/requests/actions.ts#answerRequestAction": {
    scope: "record", args: async (w) => {
      const r = await partnerRequestOfP(w);
      return [prev, form({ id: r.id, version: "1", result: "REJECTED", reason: "账户已销户" })];
    },
  },

  // The map (issue 17): the administrator's boundaries of their own jurisdiction (another city's codes are a 422).
  "app/(app)/admin/map/actions.ts#uploadBoundariesAction": { scope: "none", args: async (w) => [{ crs: "WGS84", fileName: "matrix.geojson", geojson: boundaryFile(w.P.code) }] },
  "app/(app)/admin/map/actions.ts#resetBoundariesAction": { scope: "none", args: async () => [] },
};

/** The outbound settings forms as posted: the defaults, fields named by their schema paths. */
function outboundTemplatesForm(): Record<string, string> {
  return Object.fromEntries(Object.entries(DEFAULT_TEMPLATES).flatMap(([c, byType]) => Object.entries(byType).map(([f, text]) => [`${c}.${f}`, text])));
}
function outboundLadderForm(): Record<string, string> {
  return Object.fromEntries(Object.entries(DEFAULT_LADDER).flatMap(([r, rungs]) => Object.entries(rungs).filter(([, v]) => v !== null).map(([k, v]) => [`${r}.${k}`, String(v)])));
}
