import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { assignWarning, claimWarning } from "@/lib/field/assign";
import { revealCustomerPhone, revealForVisit } from "@/lib/field/reveal";
import { getFollowUp } from "@/lib/field/follow-ups";
import { recordFollowUpVisit } from "@/lib/field/record-follow-up-visit";
import { myTasks } from "@/lib/field/my-tasks";
import { precinctView } from "@/lib/field/precinct-view";
import { dispatchWarning, logWarningAction, transitionWarning } from "@/lib/warnings/commands";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { warningInput } from "@/tests/factories";
import { actionsOf, fieldTeam, intercept, key, precinctWarning, today, visit, type FieldTeam } from "./field-fixtures";

// Route handlers authenticate a browser by its session; here the session id is handed over directly.
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.sid ? { sid: session.sid } : null) }));
const homeVisits = await import("@/app/api/v1/warnings/[id]/home-visits/route");
const intercepts = await import("@/app/api/v1/counter-intercepts/route");
const openapi = await import("@/app/api/v1/openapi.json/route");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, user: { id: string; sessionVersion: number }, path: string, body: unknown, headers: Record<string, string> = {}, params: Record<string, string> = {}) {
  const s = await getDb().userSession.create({ data: { userId: user.id, sessionVersion: user.sessionVersion, expiresAt: new Date(Date.now() + 3_600_000) } });
  session.sid = s.id;
  const res = await handler(new Request(`http://localhost/api/v1${path}`, { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers }, body: JSON.stringify(body) }), { params: Promise.resolve(params) });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

const REASON = "外勤民警致电当事人";
let team: FieldTeam;
beforeAll(async () => {
  team = await fieldTeam();
});

const denials = (actorId: string, entityId: string) => getDb().auditLog.count({ where: { action: "authz.denied", actorId, entityId } });

describe("jurisdiction", () => {
  it("answers another precinct's officer 404 on every field command, audits it, and writes nothing", async () => {
    const w = await precinctWarning(team);
    const { actor } = team.outsider;
    const attempts = [
      () => recordHomeVisit(actor, { id: w.id, ...visit() }, key()),
      () => claimWarning(actor, { id: w.id, version: w.version }),
      () => revealForVisit(actor, { id: w.id, field: "victimPhone", reason: REASON }),
      () => recordCounterIntercept(actor, intercept({ warningId: w.id }), key()),
    ];
    for (const attempt of attempts) expect(await attempt().catch((e: AppError) => e.status)).toBe(404);
    expect(await denials(actor.id, w.id)).toBe(attempts.length);
    expect(await actionsOf(w.id)).toBe(0);
    expect(await getDb().dissuasionAction.count({ where: { actorId: actor.id } })).toBe(0);
    const row = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    expect(row).toMatchObject({ status: "PENDING", version: w.version, assigneeId: null });
  });

  it("keeps a counter interception and its follow-up inside the precinct", async () => {
    const i = await recordCounterIntercept(team.officer.actor, intercept({ followUpOn: today() }), key());
    const { actor } = team.outsider;
    for (const attempt of [() => getFollowUp(actor, { id: i.id }), () => revealCustomerPhone(actor, { id: i.id, reason: REASON }), () => recordFollowUpVisit(actor, { id: i.id, ...visit() }, key())]) {
      expect(await attempt().catch((e: AppError) => e.status)).toBe(404);
    }
    expect(await denials(actor.id, i.id)).toBe(3);
    expect(await revealCustomerPhone(team.officer.actor, { id: i.id, reason: REASON })).toBe("13972001234");
    expect((await myTasks(team.outsider.actor, {})).followUps.map((f) => f.id)).not.toContain(i.id);
  });

  it("lists only the officer's own precinct in My tasks and the precinct view", async () => {
    const mine = await precinctWarning(team);
    const theirs = await precinctWarning(team, {}, team.otherPrecinct);
    const tasks = await myTasks(team.officer.actor, {});
    expect(tasks.warnings.map((x) => x.id)).toContain(mine.id);
    expect(tasks.warnings.map((x) => x.id)).not.toContain(theirs.id);
    expect(JSON.stringify(tasks)).not.toContain((mine.victimPhone as string));
    expect((await precinctView(team.officer.actor, {})).unit.id).toBe(team.precinct.id);
    expect(await precinctView(team.officer.actor, { unit: team.otherPrecinct.code }).catch((e: AppError) => e.status)).toBe(404);
    expect(await denials(team.officer.actor.id, team.otherPrecinct.id)).toBe(1);
    expect((await precinctView(team.dispatcher.actor, { unit: team.otherPrecinct.code })).unit.id).toBe(team.otherPrecinct.id);
  });

  it("reveals the victim's phone to call only with the audited purpose", async () => {
    const w = await precinctWarning(team, { victim: { phone: "13907285555" } });
    expect(await revealForVisit(team.officer.actor, { id: w.id, field: "victimPhone", reason: REASON })).toBe("13907285555");
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "pii.reveal", entityId: w.id } });
    expect(audit.details).toMatchObject({ field: "victimPhone" });
    expect(await revealForVisit(team.officer.actor, { id: w.id, field: "victimIdNumber", reason: REASON }).catch((e: AppError) => e.status)).toBe(422);
  });
});

describe("claim and assign", () => {
  it("lets an officer claim an unclaimed warning (signing for it) but not one a colleague holds", async () => {
    const w = await precinctWarning(team);
    const c = await claimWarning(team.officer.actor, { id: w.id, version: w.version });
    expect(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: "ACKNOWLEDGED", assigneeId: team.officer.user.id, version: c.version });
    const e = await claimWarning(team.colleague.actor, { id: w.id, version: c.version }).catch((x: AppError) => x);
    expect(e).toMatchObject({ status: 409, details: [{ code: "claimed" }] });
    expect(await claimWarning(team.officer.actor, { id: w.id, version: c.version }).catch((x: AppError) => x.status)).toMatchObject({ version: c.version });
    expect(await claimWarning(team.officer.actor, { id: w.id, version: 1 }).catch((x: AppError) => x.status)).toBe(409);
  });

  it("leaves a precinct's warning the centre signed for claimable by the precinct, whose view lists only its own people", async () => {
    const w = await precinctWarning(team);
    const acked = await transitionWarning(team.dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    await logWarningAction(team.dispatcher.actor, { id: w.id, kind: "HOTLINE_CALL", result: "REFUSED" });
    const held = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    expect(held).toMatchObject({ status: "IN_PROGRESS", assigneeId: null, acknowledgedAt: expect.any(Date) });
    expect(acked.version).toBeLessThan(held.version);

    const view = await precinctView(team.officer.actor, {});
    expect(view.byOfficer.map((o) => o.officerId)).not.toContain(team.dispatcher.user.id);
    const c = await claimWarning(team.officer.actor, { id: w.id, version: held.version });
    expect(c.assigneeId).toBe(team.officer.user.id);
    const after = (await precinctView(team.officer.actor, {})).byOfficer.map((o) => o.officerId);
    expect(after).toContain(team.officer.user.id);
    expect(after).not.toContain(team.dispatcher.user.id);
  });

  it("hands a warning the centre held to the precinct unassigned when it is dispatched", async () => {
    const [r] = await ingestWarnings(team.feed.actor, [warningInput({ unitCode: team.tree.center.code })]);
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: r!.id } });
    const acked = await transitionWarning(team.dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).assigneeId).toBe(team.dispatcher.user.id);
    const d = await dispatchWarning(team.dispatcher.actor, { id: w.id, unitCode: team.precinct.code, version: acked.version });
    expect(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ unitId: team.precinct.id, assigneeId: null });
    await expect(claimWarning(team.colleague.actor, { id: w.id, version: d.version })).resolves.toMatchObject({ assigneeId: team.colleague.user.id });
  });

  it("lets the dispatcher and a senior officer assign to a named officer of the precinct only", async () => {
    const w = await precinctWarning(team);
    const a = await assignWarning(team.dispatcher.actor, { id: w.id, userId: team.colleague.user.id, version: w.version });
    expect(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: "PENDING", assigneeId: team.colleague.user.id });
    const b = await assignWarning(team.senior.actor, { id: w.id, userId: team.officer.user.id, version: a.version });
    expect(b.assigneeId).toBe(team.officer.user.id);
    expect(await getDb().auditLog.count({ where: { action: "warning.assign", entityId: w.id } })).toBe(2);
    const wrongUnit = await assignWarning(team.dispatcher.actor, { id: w.id, userId: team.outsider.user.id, version: b.version }).catch((x: AppError) => x);
    expect(wrongUnit).toMatchObject({ status: 422, details: [{ path: "userId", code: "not_unit_officer" }] });
    expect(await assignWarning(team.officer.actor, { id: w.id, userId: team.officer.user.id, version: b.version }).catch((x: AppError) => x.status)).toBe(403);
    expect(await assignWarning(team.outsider.actor, { id: w.id, userId: team.officer.user.id, version: b.version }).catch((x: AppError) => x.status)).toBe(403);
    const tasks = await myTasks(team.officer.actor, { show: "mine" });
    expect(tasks.warnings.find((x) => x.id === w.id)).toMatchObject({ mine: true, assignee: { id: team.officer.user.id } });
  });
});

describe("API", () => {
  it("records a home visit once for a replayed Idempotency-Key and answers outsiders 404", async () => {
    const w = await precinctWarning(team);
    const k = key().idempotencyKey;
    // A retry resends the same body.
    const body = visit();
    const first = await call(homeVisits.POST, team.officer.user, `/warnings/${w.id}/home-visits`, body, { "idempotency-key": k }, { id: w.id });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ warningId: w.id, status: "RESOLVED" });
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await call(homeVisits.POST, team.officer.user, `/warnings/${w.id}/home-visits`, body, { "idempotency-key": k }, { id: w.id });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    expect(await actionsOf(w.id)).toBe(1);
    const outsider = await call(homeVisits.POST, team.outsider.user, `/warnings/${w.id}/home-visits`, visit(), { "idempotency-key": key().idempotencyKey }, { id: w.id });
    expect(outsider.status).toBe(404);
    const noKey = await call(homeVisits.POST, team.officer.user, `/warnings/${w.id}/home-visits`, visit(), {}, { id: w.id });
    expect(noKey.status).toBe(422);
    expect(noKey.json.error.details).toEqual([expect.objectContaining({ path: "idempotencyKey", code: "required" })]);
  });

  it("records a counter interception as statistics source data: a standalone dissuasion with its amount", async () => {
    const k = key().idempotencyKey;
    const body = intercept({ amountProtected: "76543.21" });
    const res = await call(intercepts.POST, team.officer.user, "/counter-intercepts", body, { "idempotency-key": k });
    expect(res.status).toBe(201);
    const again = await call(intercepts.POST, team.officer.user, "/counter-intercepts", body, { "idempotency-key": k });
    expect(again.json.id).toBe(res.json.id);
    const rows = await getDb().dissuasionAction.findMany({ where: { unitId: team.precinct.id, amountProtected: "76543.21" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "COUNTER_INTERCEPT", warningId: null, result: "DISSUADED", unitId: team.precinct.id, actorId: team.officer.user.id,
      bankName: "中国工商银行十堰分行", customerPhone: "13972001234", fraudType: "IMPERSONATE_OFFICIAL", appRegistered: true,
    });
    expect(rows[0]!.amountProtected.toFixed(2)).toBe("76543.21");
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "field.counter_intercept", entityId: res.json.id } });
    expect(JSON.stringify(audit.details)).not.toContain("13972001234");
  });

  it("resolves the warning a counter interception was for, so the person is counted once", async () => {
    const w = await precinctWarning(team);
    const res = await call(intercepts.POST, team.officer.user, "/counter-intercepts", intercept({ warningId: w.id, occurredAt: new Date(Date.now() - 20_000).toISOString() }), { "idempotency-key": key().idempotencyKey });
    expect(res.json).toMatchObject({ warningId: w.id, warningStatus: "RESOLVED" });
    expect(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: "RESOLVED", outcome: "DISSUADED" });
  });

  it("documents both endpoints in the OpenAPI document", async () => {
    const doc = await openapi.GET().json();
    expect(doc.paths["/warnings/{id}/home-visits"].post).toBeTruthy();
    expect(doc.paths["/counter-intercepts"].post).toBeTruthy();
  });
});
