import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { makeApiKey, makeUser } from "@/tests/factories";
import { bankCard, caseFootprint, caseInput, caseTeam, mobile, type CaseTeam } from "./cases-fixtures";

// The route handlers authenticate a browser by its session cookie through next-auth; here the
// session id is handed over directly, and the session row is real (resolveSession checks it).
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.sid ? { sid: session.sid } : null) }));

const cases = await import("@/app/api/v1/cases/route");
const one = await import("@/app/api/v1/cases/[id]/route");
const transitions = await import("@/app/api/v1/cases/[id]/transitions/route");
const freezes = await import("@/app/api/v1/cases/[id]/freezes/route");
const freeze = await import("@/app/api/v1/cases/[id]/freezes/[subId]/route");
const suspects = await import("@/app/api/v1/cases/[id]/suspects/route");
const suspect = await import("@/app/api/v1/cases/[id]/suspects/[subId]/route");
const items = await import("@/app/api/v1/cases/[id]/seized-items/route");
const recoveries = await import("@/app/api/v1/cases/[id]/recoveries/route");
const openapi = await import("@/app/api/v1/openapi.json/route");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Who = { user: { id: string; sessionVersion: number } } | { key: string };

async function call(handler: Handler, who: Who, opts: { method?: string; path?: string; params?: Record<string, string>; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  if ("key" in who) {
    session.sid = null;
    headers.authorization = `Bearer ${who.key}`;
  } else {
    const s = await getDb().userSession.create({ data: { userId: who.user.id, sessionVersion: who.user.sessionVersion, expiresAt: new Date(Date.now() + 3_600_000) } });
    session.sid = s.id;
    headers["sec-fetch-site"] ??= "same-origin";
  }
  const method = opts.method ?? (opts.body !== undefined || opts.raw !== undefined ? "POST" : "GET");
  const req = new Request(`http://localhost/api/v1${opts.path ?? "/cases"}`, {
    method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

let team: CaseTeam;
beforeAll(async () => {
  team = await caseTeam();
});

describe("/api/v1/cases", () => {
  it("takes a report, lists it, and shows it masked", async () => {
    const phone = mobile();
    const body = caseInput({ victims: [{ name: "王秀兰", phone, lossAmount: "1234.50" }] });
    const created = await call(cases.POST, team.investigator, { body });
    expect(created.status).toBe(201);
    expect(created.json.caseNumber).toMatch(new RegExp(`^${team.branch.code}-\\d{4}-\\d{5}$`));
    const list = await call(cases.GET, team.investigator, { path: `/cases?victimPhone=${phone.slice(-4)}` });
    expect(list.status).toBe(200);
    expect(list.json.items.map((i: { id: string }) => i.id)).toContain(created.json.id);
    const detail = await call(one.GET, team.investigator, { params: { id: created.json.id } });
    expect(detail.status).toBe(200);
    expect(detail.json.money).toEqual({ loss: "1234.50", held: "0.00", recovered: "0.00", returned: "0.00" });
    expect(detail.text).not.toContain(phone);
    expect(detail.text).not.toContain(body.accounts[0]!.accountNumber);
  });

  it("creates one case for any number of replays with the same Idempotency-Key", async () => {
    const body = caseInput();
    const headers = { "idempotency-key": `intake-${Date.now()}-${Math.random().toString(36).slice(2)}` };
    const answers = await Promise.all(Array.from({ length: 12 }, () => call(cases.POST, team.investigator, { body, headers })));
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(11);
    expect(await getDb().fraudCase.count({ where: { id: answers[0]!.json.id } })).toBe(1);
    const reused = await call(cases.POST, team.investigator, { body: caseInput({ summary: "另一起案件的简要案情，不同内容。" }), headers });
    expect(reused.status).toBe(422);
  });

  it("answers 404 for another branch's case on every route, audits the denial, and lists nothing of it", async () => {
    const { id } = (await call(cases.POST, team.outsider, { body: caseInput() })).json;
    const params = { id };
    const attempts = [
      await call(one.GET, team.investigator, { params }),
      await call(transitions.POST, team.investigator, { params, body: { to: "PENDING_APPROVAL", version: 1 } }),
      await call(freezes.GET, team.investigator, { params }),
      await call(freezes.POST, team.investigator, { params, body: { kind: "FREEZE", bankName: "农业银行", accountNumber: bankCard(), amountRequested: "10.00" } }),
      await call(suspects.POST, team.investigator, { params, body: { name: "越权" } }),
      await call(items.POST, team.investigator, { params, body: { type: "PHONE", quantity: 1, seizedAt: new Date().toISOString() } }),
      await call(recoveries.POST, team.investigator, { params, body: { amount: "1.00", recoveredAt: new Date().toISOString(), method: "OTHER" } }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(attempts[0]!.json.error.code).toBe("NOT_FOUND");
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", entityId: id, actorId: team.investigator.user.id } })).toBeGreaterThanOrEqual(7);
    const list = await call(cases.GET, team.investigator, { path: "/cases?status=REPORTED" });
    expect(list.json.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(await getDb().caseEvent.count({ where: { caseId: id, actorId: team.investigator.user.id } })).toBe(0);
  });

  it("enforces permissions: read-only officers and read-scoped keys cannot write; cross-site writes are refused", async () => {
    const officer = await makeUser(team.branch.precincts[0]!, "OFFICER");
    expect((await call(cases.GET, officer)).status).toBe(200);
    expect((await call(cases.POST, officer, { body: caseInput() })).status).toBe(403);
    const { key } = await makeApiKey(team.branch, ["cases:read"]);
    expect((await call(cases.GET, { key })).status).toBe(200);
    expect((await call(cases.POST, { key }, { body: caseInput() })).status).toBe(403);
    expect((await call(cases.POST, team.investigator, { body: caseInput(), headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
  });

  it("runs the sub-resources: freeze, suspect arrest, seizure, recovery; the two-person rule holds over HTTP", async () => {
    const { id } = (await call(cases.POST, team.chief, { body: caseInput({ accounts: [] }) })).json;
    const params = { id };
    expect((await call(transitions.POST, team.chief, { params, body: { to: "PENDING_APPROVAL", version: 1 } })).status).toBe(200);
    const self = await call(transitions.POST, team.chief, { params, body: { to: "FILED", version: 2 } });
    expect(self.status).toBe(403);
    expect(self.json.error.details[0].code).toBe("two_person_rule");
    const approver = await makeUser(team.branch, "INVESTIGATOR", { grants: ["cases:approve"] });
    expect((await call(transitions.POST, approver, { params, body: { to: "FILED", version: 2 } })).json).toMatchObject({ status: "FILED", version: 3 });

    const f = await call(freezes.POST, team.investigator, { params, body: { kind: "FREEZE", bankName: "农业银行", accountNumber: bankCard(), amountRequested: "800.00" } });
    expect(f.status).toBe(201);
    expect((await call(freeze.PATCH, team.investigator, { method: "PATCH", params: { id, subId: f.json.id }, body: { version: 1, status: "PARTIAL", amountHeld: "500.25" } })).status).toBe(200);
    const s = await call(suspects.POST, team.investigator, { params, body: { name: "赵四海", phone: mobile() } });
    expect((await call(suspect.PATCH, team.investigator, { method: "PATCH", params: { id, subId: s.json.id }, body: { version: 1, status: "ARRESTED" } })).status).toBe(200);
    expect((await call(items.POST, team.investigator, { params, body: { type: "SIM_CARD", quantity: 40, seizedAt: new Date().toISOString() } })).status).toBe(201);
    expect((await call(recoveries.POST, team.investigator, { params, body: { amount: "500.25", recoveredAt: new Date().toISOString(), method: "FROZEN_FUNDS" } })).status).toBe(201);
    const r = await call(recoveries.GET, team.investigator, { params });
    expect(r.json.money).toEqual({ loss: "0.10", held: "500.25", recovered: "500.25", returned: "0.00" });
    expect((await call(items.GET, team.investigator, { params })).json.totals).toEqual([{ type: "SIM_CARD", quantity: 40 }]);
    expect((await call(suspects.GET, team.investigator, { params })).json.items[0]).toMatchObject({ name: "赵**", status: "ARRESTED" });
  });

  it("turns bad input into 4xx with nothing written, whatever is mutated (property-based)", async () => {
    const before = await caseFootprint(team.branch.id, team.investigator.user.id);
    const fixed = [
      await call(cases.POST, team.investigator, { raw: "{not json" }),
      await call(cases.POST, team.investigator, { body: { ...caseInput(), createdById: team.chief.user.id } }),
      await call(cases.POST, team.investigator, { raw: JSON.stringify({ ...caseInput(), summary: "长".repeat(1_100_000) }) }),
      await call(one.GET, team.investigator, { params: { id: "not-a-uuid" } }),
      await call(cases.GET, team.investigator, { path: "/cases?victimPhone=13812345678" }),
      await call(cases.GET, team.investigator, { path: "/cases?bogus=1" }),
    ];
    expect(fixed.map((r) => r.status)).toEqual([422, 422, 413, 422, 422, 422]);
    expect(fixed[0]!.text).not.toMatch(/at .*\.ts/); // no stack trace

    const paths = ["source", "fraudType", "summary", "lossAt", "reportedAt", "victims", "victims.0", "victims.0.name", "victims.0.phone", "victims.0.idNumber",
      "victims.0.lossAmount", "victims.0.age", "victims.0.gender", "accounts", "accounts.0.accountNumber", "accounts.0.amount", "accounts.0.bankName", "unitId"];
    const junk = fc.oneof(
      fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }),
      fc.constantFrom("1.005", "-5.00", "1e3", "9999999999999.00", "2999-01-01", "13800000000", "0", "", " ", "<script>", "' OR 1=1 --"),
    );
    expect(await caseFootprint(team.branch.id, team.investigator.user.id)).toEqual(before);
    let last = before;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), junk, async (path, value) => {
        const body = structuredClone(caseInput()) as Record<string, unknown>;
        setPath(body, path, value);
        const res = await call(cases.POST, team.investigator, { body });
        expect(res.status).toBeLessThan(500);
        expect(res.status === 201 || (res.status >= 400 && res.status < 500)).toBe(true);
        const now = await caseFootprint(team.branch.id, team.investigator.user.id);
        // A refused request leaves every table as it was; an accepted one (a harmless mutation) adds one case.
        if (res.status !== 201) expect(now).toEqual(last);
        else expect(now.cases).toBe(last.cases + 1);
        last = now;
      }),
      { numRuns: 120 },
    );
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await openapi.GET().json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      "/cases", "/cases/{id}", "/cases/{id}/transitions", "/cases/{id}/freezes", "/cases/{id}/suspects", "/cases/{id}/seized-items", "/cases/{id}/recoveries",
    ]));
    expect(doc.paths["/cases"].post.requestBody.content["application/json"].schema.properties.victims).toBeDefined();
  });
});

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let target = obj as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
}
