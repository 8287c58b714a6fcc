// SECURITY.md C12, C9, F25: property-based mutations of valid inputs to every write route handler
// give a 4xx, never a 5xx, and a refused request writes nothing. Path parameters and query strings
// are fuzzed too. The valid inputs are the authorization matrix's (tests/integration/authz/).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { ROUTE_MATRIX, type RouteRule } from "./authz/matrix-routes";
import { callRoute, entitledParty, type Handler } from "./authz/call";
import { buildWorld, type World } from "./authz/world";
import { apply, mutationOf, surelyInvalid } from "./fuzz/mutate";
import { footprint } from "./fuzz/footprint";
import { actAs } from "./authz/call";
import { AppError } from "@/lib/errors";

vi.mock("next-auth", async () => (await import("./authz/next-mocks")).nextAuth);
vi.mock("next/headers", async () => (await import("./authz/next-mocks")).nextHeaders({ "x-request-id": "fuzz", "user-agent": "vitest" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((k: string) => k, { has: () => true }), getLocale: async () => "zh-CN" }));

type Protected = Extract<RouteRule, { scope: unknown }>;
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
// Batches answer per item (tests/integration/fuzz-ingest.test.ts holds them to the item schema).
const PER_ITEM = new Set(["POST app/api/v1/warnings/route.ts"]);

let world: World;
let units: string[];
beforeAll(async () => {
  world = await buildWorld();
  units = (await getDb().unit.findMany({ where: { OR: [{ path: { startsWith: world.city.city.path } }, { path: { startsWith: world.far.city.path } }] }, select: { id: true } })).map((u) => u.id);
}, 120_000);

const protectedRoutes = Object.entries(ROUTE_MATRIX).filter((e): e is [string, Protected] => "scope" in e[1]);
const handlerOf = async (key: string) => {
  const [method, file] = key.split(" ") as [string, string];
  return { method, handler: ((await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, Handler>)[method]! };
};

describe("mutated bodies", () => {
  const writes = protectedRoutes.filter(([key]) => !key.startsWith("GET ") && !PER_ITEM.has(key));
  it.each(writes)("%s: 4xx for every invalid mutation, never 5xx, nothing written when refused", async (key, rule) => {
    const { method, handler } = await handlerOf(key);
    const caller = entitledParty(handler, world);
    const valid = await rule.request(world);
    await fc.assert(
      fc.asyncProperty(mutationOf(valid.body), async (m) => {
        const before = await footprint(units, caller.actor.id);
        // A fresh Idempotency-Key each time: a reused one with another body is a 422 (SECURITY.md G35).
        const headers = valid.headers?.["idempotency-key"] ? { ...valid.headers, "idempotency-key": randomUUID() } : valid.headers;
        const res = await callRoute(handler, caller, { ...valid, headers, raw: apply(valid.body, m) }, method);
        const label = `${JSON.stringify(m).slice(0, 200)} → ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, label).toBeLessThan(500);
        if (surelyInvalid(valid.body, m)) expect([400, 413, 422], label).toContain(res.status);
        if (res.status >= 400) expect(await footprint(units, caller.actor.id), `wrote despite ${label}`).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("mutated path parameters", () => {
  const withParams = protectedRoutes.filter(([key]) => key.includes("["));
  it.each(withParams)("%s: any id is a 4xx, never 5xx", async (key, rule) => {
    const { method, handler } = await handlerOf(key);
    const caller = entitledParty(handler, world);
    const valid = await rule.request(world);
    const names = Object.keys(valid.params ?? {});
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.oneof(fc.string({ maxLength: 80 }), fc.uuid(), fc.constantFrom("", "%00", "../x", "1 OR 1=1")), async (name, value) => {
        const res = await callRoute(handler, caller, { ...valid, params: { ...valid.params, [name]: value } }, method);
        expect(res.status, `${name}=${JSON.stringify(value)} → ${res.status} ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe("mutated query strings", () => {
  const reads = protectedRoutes.filter(([key]) => key.startsWith("GET ") && !key.includes("/stream/"));
  it.each(reads)("%s: malformed parameters are a 4xx, never 5xx; a list refuses unknown ones", async (key, rule) => {
    // A route that names one record reads no query string at all; the lists parse theirs strictly.
    const readsQuery = !key.includes("[");
    const { method, handler } = await handlerOf(key);
    const caller = entitledParty(handler, world);
    const valid = await rule.request(world);
    const [path, query = ""] = valid.path.split("?");
    const known = ["status", "risk", "unit", "source", "q", "from", "to", "page", "cursor", "limit", "kind", "metric", "format", "before", "fraudType", "month"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...known, "unitId", "sort", "__proto__"), fc.string({ maxLength: 40 }), async (name, value) => {
        const qs = new URLSearchParams(query);
        qs.append(name, value);
        const res = await callRoute(handler, caller, { ...valid, path: `${path}?${qs}` }, method);
        const label = `?${qs} → ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, label).toBeLessThan(500);
        // (Zod drops a "__proto__" key rather than refusing it: harmless, it never reaches an object.)
        if (readsQuery && ["unitId", "sort"].includes(name)) expect(res.status, `unknown parameter accepted: ${label}`).toBe(422);
      }),
      { numRuns: RUNS },
    );
  });
});

// SECURITY.md G32: every instant and date has bounds, every integer a range, every cursor a
// schema; out-of-range values are a 4xx naming the field, never a 5xx.
describe("values out of range", () => {
  const route = async (key: string) => (await handlerOf(key)).handler;
  const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
  const fieldsOf = (text: string) => ((JSON.parse(text) as { error?: { details?: { path: string }[] } }).error?.details ?? []).map((d) => d.path);

  it.each([
    ["a forged cursor", `cursor=${b64({ d: "garbage", p: 1, id: "x" })}`, "cursor"],
    ["a cursor of year 1 and a priority past int32", `cursor=${b64({ d: "0001-01-01T00:00:00Z", p: 1e20, id: randomUUID() })}`, "cursor"],
    ["a cursor that is not JSON", `cursor=${b64("{not json")}`, "cursor"],
    ["a cursor with extra keys", `cursor=${b64({ d: new Date().toISOString(), p: 1, id: randomUUID(), x: 1 })}`, "cursor"],
    ["a date in year 1", "from=0001-01-01", "from"],
    ["a date in year 9999", "to=9999-12-31", "to"],
  ])("GET /api/v1/warnings with %s: 422 on the field", async (_label, qs, field) => {
    const res = await callRoute(await route("GET app/api/v1/warnings/route.ts"), world.own.DISPATCHER, { path: `/api/v1/warnings?${qs}` }, "GET");
    expect(res.status, res.text).toBe(422);
    expect(fieldsOf(res.text)).toContain(field);
  });

  it("GET /api/v1/stats/summary with a range in year 9999: 422 on the field", async () => {
    const res = await callRoute(await route("GET app/api/v1/stats/summary/route.ts"), world.own.LEADER, { path: "/api/v1/stats/summary?period=custom&from=9999-01-01&to=9999-12-31" }, "GET");
    expect(res.status, res.text).toBe(422);
    expect(fieldsOf(res.text)).toContain("to");
  });

  it("a version past int32 is a 422 on `version`, and nothing changes", async () => {
    const w = await world.make.warning();
    const res = await callRoute(await route("POST app/api/v1/warnings/[id]/transitions/route.ts"), world.own.DISPATCHER, { path: `/api/v1/warnings/${w.id}/transitions`, params: { id: w.id }, body: { to: "ACKNOWLEDGED", version: 2 ** 31 } }, "POST");
    expect(res.status, res.text).toBe(422);
    expect(fieldsOf(res.text)).toContain("version");
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).version).toBe(w.version);
  });

  it("audit ids and `before` past int64, and audit dates out of range, are a 422 on the field", async () => {
    const { listAudit, getAuditRecord } = await import("@/lib/audit/queries");
    const auditor = world.own.AUDITOR.actor;
    for (const [query, field] of [
      [{ before: "9999999999999999999" }, "before"], [{ before: "0" }, "before"],
      [{ from: "0001-01-01" }, "from"], [{ to: "9999-12-31T23:59" }, "to"],
    ] as const) {
      const e = await listAudit(auditor, query).catch((x: unknown) => x);
      expect(e, JSON.stringify(query)).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(422);
      expect((e as AppError).details.map((d) => d.path)).toContain(field);
    }
    const e = await getAuditRecord(auditor, { id: "9223372036854775808" }).catch((x: unknown) => x);
    expect((e as AppError).status).toBe(422);
  });

  it("a malformed bulk action answers the field it refuses, never a 500, and changes nothing", async () => {
    const { bulkAcknowledgeAction, bulkDispatchAction } = await import("@/app/(app)/warnings/actions");
    const w = await world.make.warning();
    await actAs(world.own.DISPATCHER);
    const refused = (field: string, reason?: string) => ({ ok: false, code: "VALIDATION", fields: { [field]: reason ?? expect.any(String) } });
    expect(await bulkAcknowledgeAction("not a list")).toMatchObject(refused("items"));
    expect(await bulkAcknowledgeAction([{ id: w.id, version: 2 ** 40 }])).toMatchObject(refused("items.0.version"));
    expect(await bulkAcknowledgeAction([{ id: "../x", version: 1 }])).toMatchObject(refused("items.0.id"));
    expect(await bulkAcknowledgeAction(Array.from({ length: 201 }, () => ({ id: w.id, version: w.version })))).toMatchObject(refused("items", "too_big"));
    expect(await bulkDispatchAction([{ id: w.id, version: w.version }], { code: 1 })).toMatchObject(refused("unitCode"));
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).version).toBe(w.version);
  });
});
