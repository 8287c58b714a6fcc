import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateApiKey } from "@/lib/auth/api-keys";
import { addDays, chinaToday } from "@/lib/time/china";
import { createEvent, getEvent, listEvents, updateEvent } from "@/lib/publicity/events";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/publicity-events/route";
import { GET as oneRoute } from "@/app/api/v1/publicity-events/[id]/route";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});

const today = chinaToday();
const p = (i: 0 | 1, j: 0 | 1) => tree.branches[i]!.precincts[j]!;
const form = (over: Record<string, string> = {}) => ({
  kind: "CAMPUS", targetGroup: "STUDENTS", title: "青春无悔 校园无诈", occurredOn: addDays(today, -1), place: "学术报告厅",
  audienceCount: "320", appRegistrations: "85", materialsCount: "300", volunteers: "6", note: "", ...over,
});

async function rejection(promise: Promise<unknown>) {
  const e = await promise.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("publicity events", () => {
  it("an officer logs an event for their precinct from the form's strings; it is audited", async () => {
    const { actor } = await makeUser(p(0, 0), "OFFICER");
    const { id } = await createEvent(actor, form());
    const e = await getEvent(actor, { id });
    expect(e).toMatchObject({ unitCode: p(0, 0).code, audienceCount: 320, appRegistrations: 85, place: "学术报告厅", note: null, version: 1 });
    expect(await getDb().auditLog.count({ where: { action: "publicity.event.create", entityId: id } })).toBe(1);
  });

  it.each([
    [{ audienceCount: "-1" }, "audienceCount", "negative"],
    [{ audienceCount: "" }, "audienceCount", "required"],
    [{ appRegistrations: "400" }, "appRegistrations", "exceeds_audience"],
    [{ occurredOn: addDays(today, 1) }, "occurredOn", "in_future"],
    [{ occurredOn: "2026-02-30" }, "occurredOn", "invalid_date"],
    [{ kind: "PARTY" }, "kind", "invalid_value"],
    [{ unitCode: "99999999" }, "unitCode", "unknown_unit"],
  ])("rejects %o with the field and reason, writing nothing", async (over, path, code) => {
    const { actor } = await makeUser(p(0, 0), "OFFICER");
    const before = await getDb().publicityEvent.count();
    const e = await rejection(createEvent(actor, form(over)));
    expect(e.status).toBe(422);
    expect(e.details).toContainEqual(expect.objectContaining({ path, code }));
    expect(await getDb().publicityEvent.count()).toBe(before);
  });

  it("cannot file an event under another precinct, nor read or edit one there (404)", async () => {
    const { actor: a } = await makeUser(p(0, 0), "OFFICER");
    const { actor: b } = await makeUser(p(1, 0), "OFFICER");
    const e1 = await rejection(createEvent(a, form({ unitCode: p(1, 0).code })));
    expect(e1.details[0]).toMatchObject({ path: "unitCode", code: "unknown_unit" });
    const { id } = await createEvent(b, form());
    expect((await rejection(getEvent(a, { id }))).status).toBe(404);
    expect((await rejection(updateEvent(a, { ...form({ title: "越权修改" }), id, version: "1" }))).status).toBe(404);
    expect((await getEvent(b, { id })).title).toBe("青春无悔 校园无诈");
  });

  it("updates with the version it read; a stale version is 409 and changes nothing", async () => {
    const { actor } = await makeUser(p(0, 1), "OFFICER");
    const { id } = await createEvent(actor, form());
    await updateEvent(actor, { ...form({ audienceCount: "400" }), id, version: "1" });
    expect(await rejection(updateEvent(actor, { ...form({ audienceCount: "999" }), id, version: "1" }))).toMatchObject({ status: 409 });
    expect(await getEvent(actor, { id })).toMatchObject({ audienceCount: 400, version: 2 });
  });

  it("lists by unit subtree, kind and period with the filter's sums; a branch sees its precincts only", async () => {
    const { actor: officer } = await makeUser(p(1, 1), "OFFICER");
    await createEvent(officer, form({ kind: "ELDERLY", targetGroup: "ELDERLY", audienceCount: "50", appRegistrations: "10", occurredOn: addDays(today, -3) }));
    await createEvent(officer, form({ kind: "ELDERLY", targetGroup: "ELDERLY", audienceCount: "70", appRegistrations: "20", occurredOn: addDays(today, -40) }));
    const { actor: branch } = await makeUser(tree.branches[1]!, "DISPATCHER");
    const recent = await listEvents(branch, { unit: p(1, 1).code, kind: "ELDERLY", from: addDays(today, -7) });
    expect(recent).toMatchObject({ total: 1, sums: { audienceCount: 50, appRegistrations: 10 } });
    const all = await listEvents(branch, {});
    expect(all.items.every((e) => e.unitCode.startsWith(tree.branches[1]!.code))).toBe(true);
    expect(await listEvents(branch, { unit: p(0, 0).code })).toMatchObject({ total: 0 });
  });
});

describe("mutated input (SECURITY.md C12)", () => {
  it("either saves a valid event or answers 4xx and writes nothing — never a 5xx", async () => {
    const { actor } = await makeUser(p(1, 0), "OFFICER");
    const keys = Object.keys(form()).concat(["unitCode", "extra"]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.anything(), async (key, value) => {
        const before = await getDb().publicityEvent.count({ where: { unitId: p(1, 0).id } });
        const outcome = await createEvent(actor, { ...form(), [key]: value }).then(() => "saved", (e: unknown) => e);
        if (outcome === "saved") return;
        expect(outcome).toBeInstanceOf(AppError);
        expect((outcome as AppError).status).toBeGreaterThanOrEqual(400);
        expect((outcome as AppError).status).toBeLessThan(500);
        expect(await getDb().publicityEvent.count({ where: { unitId: p(1, 0).id } })).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});

describe("/api/v1/publicity-events", () => {
  async function keyFor(unit: { id: string }, scopes: string[]) {
    const k = generateApiKey();
    await getDb().apiKey.create({ data: { name: "publicity client", prefix: k.prefix, keyHash: k.keyHash, unitId: unit.id, scopes } });
    return k.key;
  }
  const call = (handler: typeof createRoute, url: string, init: RequestInit & { key: string }, params: Record<string, string> = {}) =>
    handler(new Request(`http://localhost${url}`, { ...init, headers: { authorization: `Bearer ${init.key}`, "content-type": "application/json", ...(init.headers ?? {}) } }), { params: Promise.resolve(params) });

  it("creates (201), reads back, lists with a cursor, and 404s outside the jurisdiction", async () => {
    const key = await keyFor(p(0, 1), ["publicity:read", "publicity:write"]);
    const body = { kind: "LECTURE", targetGroup: "RESIDENTS", title: "平安课堂", occurredOn: addDays(today, -2), audienceCount: 120 };
    const res = await call(createRoute, "/api/v1/publicity-events", { method: "POST", body: JSON.stringify(body), key });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ unitCode: p(0, 1).code, appRegistrations: 0 });
    expect((await (await call(oneRoute, `/api/v1/publicity-events/${created.id}`, { key }, { id: created.id })).json()).title).toBe("平安课堂");
    const second = await call(createRoute, "/api/v1/publicity-events", { method: "POST", body: JSON.stringify({ ...body, title: "第二场" }), key });
    expect(second.status).toBe(201);
    const page1 = await (await call(listRoute, "/api/v1/publicity-events?limit=1", { key })).json();
    expect(page1.items).toHaveLength(1);
    const page2 = await (await call(listRoute, `/api/v1/publicity-events?limit=1&cursor=${page1.nextCursor}`, { key })).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const outsider = await keyFor(p(1, 0), ["publicity:read"]);
    expect((await call(oneRoute, `/api/v1/publicity-events/${created.id}`, { key: outsider }, { id: created.id })).status).toBe(404);
    expect((await call(listRoute, "/api/v1/publicity-events?bogus=1", { key })).status).toBe(422);
    expect((await call(createRoute, "/api/v1/publicity-events", { method: "POST", body: JSON.stringify({ ...body, unitId: tree.city.id }), key })).status).toBe(422);
  });

  it("20 concurrent replays with one Idempotency-Key leave exactly one event; another body with the key is 422 idempotency_key_reused (SECURITY.md G35)", async () => {
    const key = await keyFor(p(1, 1), ["publicity:write"]);
    const body = JSON.stringify({ kind: "COMMUNITY", targetGroup: "RESIDENTS", title: "幂等测试", occurredOn: addDays(today, -1), audienceCount: 99 });
    const headers = { "idempotency-key": "replay-test-0001" };
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(createRoute, "/api/v1/publicity-events", { method: "POST", body, headers, key })));
    // The first answer creates (201); every replay gets the stored answer (200, Idempotent-Replayed).
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(19).fill(200)].sort());
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    const ids = new Set(await Promise.all(answers.map(async (a) => (await a.json()).id)));
    expect(ids.size).toBe(1);
    expect(await getDb().publicityEvent.count({ where: { title: "幂等测试", unitId: p(1, 1).id } })).toBe(1);
    const other = await call(createRoute, "/api/v1/publicity-events", { method: "POST", body: body.replace("99", "100"), headers, key });
    expect(other.status).toBe(422);
    expect((await other.json()).error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", details: [{ path: "idempotencyKey", code: "idempotency_key_reused" }] });
    expect(await getDb().publicityEvent.count({ where: { title: "幂等测试", unitId: p(1, 1).id } })).toBe(1);
  });
});
