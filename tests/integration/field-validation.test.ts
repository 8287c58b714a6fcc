import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { actionsOf, fieldTeam, inDays, intercept, key, minutesAgo, precinctWarning, visit, type FieldTeam } from "./field-fixtures";

let team: FieldTeam;
beforeAll(async () => {
  team = await fieldTeam();
});

const issue = (e: unknown) => {
  expect(e).toBeInstanceOf(AppError);
  return { status: (e as AppError).status, first: (e as AppError).details[0] };
};

describe("home visit validation", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["no outcome", { outcome: undefined }, "outcome", "required"],
    ["an outcome off the list", { outcome: "MAYBE" }, "outcome", "invalid_value"],
    ["no arrival time", { arrivedAt: undefined }, "arrivedAt", "required"],
    ["an arrival in the future", { arrivedAt: new Date(Date.now() + 3_600_000).toISOString() }, "arrivedAt", "in_future"],
    ["an arrival before the warning came in", { arrivedAt: minutesAgo(120) }, "arrivedAt", "before_warning"],
    ["an amount with three decimals", { amountProtected: "12.345" }, "amountProtected", "invalid_money"],
    ["a negative amount", { amountProtected: "-5" }, "amountProtected", "invalid_money"],
    ["an amount for a person not found", { outcome: "NOT_FOUND", personFound: false, appRegistered: false, amountProtected: "100" }, "amountProtected", "amount_not_allowed"],
    ["a refusal without a follow-up", { outcome: "REFUSED", amountProtected: "0" }, "followUpOn", "follow_up_required"],
    ["a follow-up in the past", { followUpOn: inDays(-1) }, "followUpOn", "in_past"],
    ["a follow-up too far ahead", { followUpOn: inDays(120) }, "followUpOn", "too_far"],
    ["a follow-up that is no date", { followUpOn: "2025-02-30" }, "followUpOn", "invalid_date"],
    ["'not found' while found", { outcome: "NOT_FOUND", amountProtected: "0", appRegistered: false }, "personFound", "found_but_not_found"],
    ["dissuaded without meeting the person", { personFound: false, appRegistered: false }, "personFound", "needs_person"],
    ["an app registration without the person", { outcome: "NOT_FOUND", personFound: false, amountProtected: "0" }, "appRegistered", "needs_person"],
    ["no answer to 'found?'", { personFound: undefined }, "personFound", "required"],
    ["a unit from the body (mass assignment)", { unitId: "00000000-0000-4000-8000-000000000000" }, "", "unknown_keys"],
    ["an overlong note", { note: "长".repeat(2001) }, "note", "too_long"],
  ];
  for (const [name, over, path, code] of cases) {
    it(`refuses ${name} with 422 ${path}:${code} and writes nothing`, async () => {
      const w = await precinctWarning(team, { receivedAt: minutesAgo(30) });
      const body = { ...visit(), ...over };
      for (const k of Object.keys(over)) if (over[k] === undefined) delete (body as Record<string, unknown>)[k];
      const e = await recordHomeVisit(team.officer.actor, { id: w.id, ...body }, key()).catch((x: unknown) => x);
      const { status, first } = issue(e);
      expect(status).toBe(422);
      expect(first).toMatchObject({ path, code });
      expect(await actionsOf(w.id)).toBe(0);
      expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).version).toBe(w.version);
    });
  }

  it("answers mutated inputs with 4xx, never 5xx, and never a partial write", async () => {
    const w = await precinctWarning(team, { receivedAt: minutesAgo(30) });
    const valid = visit();
    const junk = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(valid), "extra"), junk, async (field, value) => {
        const e = await recordHomeVisit(team.officer.actor, { id: w.id, ...valid, [field]: value }, key()).then(() => null, (x: unknown) => x);
        if (e === null) return; // a mutation that happens to be valid (e.g. another boolean)
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).status).toBeGreaterThanOrEqual(400);
        expect((e as AppError).status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    const w2 = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    const actions = await actionsOf(w.id);
    // Each accepted mutation wrote one visit and moved the warning; nothing else got through.
    expect(await getDb().auditLog.count({ where: { action: "field.home_visit", details: { path: ["warningId"], equals: w.id } } })).toBe(actions);
    expect(w2.status === "PENDING").toBe(actions === 0);
  });
});

describe("counter interception validation", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["a bad phone", { customerPhone: "12345" }, "customerPhone", "invalid_phone"],
    ["an ID number with a wrong checksum", { customerIdNumber: "420302199001011235" }, "customerIdNumber", "invalid_id_number"],
    ["no amount", { amountProtected: undefined }, "amountProtected", "required"],
    ["a zero amount", { amountProtected: "0.00" }, "amountProtected", "amount_zero"],
    ["no bank", { bankName: undefined }, "bankName", "required"],
    ["a blank branch", { bankBranch: "  " }, "bankBranch", "required"],
    ["no fraud type", { fraudType: undefined }, "fraudType", "required"],
    ["a time in the future", { occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, "occurredAt", "in_future"],
    ["an officer from the body", { actorId: team?.officer?.user.id ?? "x" }, "", "unknown_keys"],
  ];
  for (const [name, over, path, code] of cases) {
    it(`refuses ${name} with 422 ${path}:${code} and writes nothing`, async () => {
      const before = await getDb().dissuasionAction.count({ where: { unitId: team.precinct.id, kind: "COUNTER_INTERCEPT" } });
      const body: Record<string, unknown> = { ...intercept(), ...over };
      for (const k of Object.keys(over)) if (over[k] === undefined) delete body[k];
      const e = await recordCounterIntercept(team.officer.actor, body, key()).catch((x: unknown) => x);
      const { status, first } = issue(e);
      expect(status).toBe(422);
      expect(first).toMatchObject({ path, code });
      expect(await getDb().dissuasionAction.count({ where: { unitId: team.precinct.id, kind: "COUNTER_INTERCEPT" } })).toBe(before);
    });
  }
});

describe("ids", () => {
  it("answers a malformed id with 422 before any query", async () => {
    const { recordFollowUpVisit } = await import("@/lib/field/record-follow-up-visit");
    const { claimWarning, assignWarning } = await import("@/lib/field/assign");
    const { revealForVisit } = await import("@/lib/field/reveal");
    const a = team.officer.actor;
    for (const attempt of [
      () => recordHomeVisit(a, { id: "null", ...visit() }, key()),
      () => recordFollowUpVisit(a, { id: "1; drop table", ...visit() }, key()),
      () => claimWarning(a, { id: "x", version: 1 }),
      () => assignWarning(team.dispatcher.actor, { id: "x", userId: a.id, version: 1 }),
      () => revealForVisit(a, { id: "x", field: "victimPhone", reason: "致电当事人核实" }),
    ]) {
      expect(await attempt().catch((e: AppError) => [e.status, e.details[0]?.code])).toEqual([422, "invalid_id"]);
    }
  });
});
