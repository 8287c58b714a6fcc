// SECURITY.md D16–D18, C15: security headers from the proxy, cross-site cookie writes refused,
// x-middleware-subrequest gaining nothing, no GET changing state, body limits, and no PII in logs.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { z } from "zod";
import { commandRoute } from "@/lib/http/route";
import { failure } from "@/lib/commands/action";
import { command } from "@/lib/commands/command";
import { proxy } from "@/proxy";
import { ROUTE_MATRIX, type RouteRule } from "./authz/matrix-routes";
import { callRoute, entitledParty, type Handler } from "./authz/call";
import { buildWorld, type World } from "./authz/world";
import { footprint } from "./fuzz/footprint";

vi.mock("next-auth", async () => (await import("./authz/next-mocks")).nextAuth);
vi.mock("next/headers", async () => (await import("./authz/next-mocks")).nextHeaders({ "x-request-id": "hardening" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((k: string) => k, { has: () => true }), getLocale: async () => "zh-CN" }));

let world: World;
let units: string[];
beforeAll(async () => {
  world = await buildWorld();
  units = (await getDb().unit.findMany({ where: { path: { startsWith: world.city.city.path } }, select: { id: true } })).map((u) => u.id);
}, 120_000);
afterEach(() => vi.restoreAllMocks());

const route = async (key: string) => {
  const [method, file] = key.split(" ") as [string, string];
  return { method, handler: ((await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, Handler>)[method]! };
};
const rule = (key: string) => ROUTE_MATRIX[key] as Extract<RouteRule, { scope: unknown }>;

describe("proxy (D16)", () => {
  it.each(["/login", "/warnings", "/api/v1/warnings", "/no/such/page", "/api/v1/nothing-here"])("sets the security headers on %s", (path) => {
    const res = proxy(new NextRequest(`http://localhost${path}`, { headers: { cookie: "next-auth.session-token=x" } }));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("adds HSTS over https only", () => {
    expect(proxy(new NextRequest("https://fz.example/login")).headers.get("strict-transport-security")).toContain("max-age=");
    expect(proxy(new NextRequest("http://localhost/login")).headers.get("strict-transport-security")).toBeNull();
  });

  it("never passes a caller's x-middleware-subrequest on, and still redirects a signed-out page request", () => {
    const headers = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", cookie: "next-auth.session-token=x" };
    const passed = proxy(new NextRequest("http://localhost/warnings", { headers }));
    expect(passed.headers.get("x-middleware-request-x-middleware-subrequest")).toBeNull();
    expect(passed.headers.get("x-middleware-override-headers") ?? "").not.toContain("x-middleware-subrequest");
    const signedOut = proxy(new NextRequest("http://localhost/admin/users", { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } }));
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get("location")).toBe("http://localhost/login");
  });

  it("lets x-middleware-subrequest gain nothing at a route handler: no credentials is still 401", async () => {
    const { method, handler } = await route("GET app/api/v1/cases/route.ts");
    const r = await callRoute(handler, null, { path: "/api/v1/cases", headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } }, method);
    expect(r.status).toBe(401);
  });
});

describe("cross-site requests with the session cookie (D17)", () => {
  const key = "POST app/api/v1/publicity-events/route.ts";
  const attempt = async (headers: Record<string, string>, who = world.own.OFFICER) => {
    const { method, handler } = await route(key);
    const req = await rule(key).request(world);
    const before = await footprint(units, who.actor.id);
    // Only the headers given: no Sec-Fetch-Site unless the case names one.
    const r = await callRoute(handler, who, { ...req, bare: true, headers: { ...req.headers, ...headers } }, method);
    return { status: r.status, wrote: (await footprint(units, who.actor.id)) !== before };
  };

  it.each([
    [{ origin: "https://evil.example" }],
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site", origin: "https://sub.localhost" }],
    [{ origin: "null" }],
    [{ "sec-fetch-site": "none" }],
    // G34: a write showing neither header is not from one of our pages either.
    [{}],
  ])("refuses a cookie-authenticated write with %j (403, nothing written)", async (headers) => {
    expect(await attempt(headers)).toEqual({ status: 403, wrote: false });
  });

  it("takes the same write from our own pages, and from an API key whatever its Origin", async () => {
    expect(await attempt({ origin: "http://localhost", "sec-fetch-site": "same-origin" })).toMatchObject({ status: 201, wrote: true });
    expect(await attempt({ origin: "http://localhost" })).toMatchObject({ status: 201, wrote: true });
    expect(await attempt({ "sec-fetch-site": "same-origin" })).toMatchObject({ status: 201, wrote: true });
    expect(await attempt({ origin: "https://evil.example" }, world.own.API_KEY)).toMatchObject({ status: 201 });
    expect(await attempt({}, world.own.API_KEY)).toMatchObject({ status: 201 });
  });
});

describe("server actions refused before they run (C15, G34)", () => {
  const action = (headers: Record<string, string>, path = "/warnings") =>
    proxy(new NextRequest(`http://localhost${path}`, { method: "POST", headers: { cookie: "next-auth.session-token=x", host: "localhost", "next-action": "7f00aa", ...headers } }));

  it.each([
    [{ origin: "https://evil.example" }],
    [{ origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    [{ origin: "null" }],
    [{}],
  ])("answers a server action with %j 403, not Next's 500", (headers) => {
    const res = action(headers);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("answers a body over 1 MB 413, not an error digest, and lets our own pages' actions through", () => {
    const own = { origin: "http://localhost", "sec-fetch-site": "same-origin" };
    expect(action({ ...own, "content-length": String(1024 * 1024 + 1) }).status).toBe(413);
    // A form posted without JavaScript names no action but is one all the same.
    expect(proxy(new NextRequest("http://localhost/warnings", { method: "POST", headers: { host: "localhost", "content-length": "5000000", origin: "http://localhost" } })).status).toBe(413);
    const passed = action({ ...own, "content-length": "2048" });
    expect(passed.status).toBe(200);
    expect(passed.headers.get("x-middleware-next")).toBe("1");
  });

  it("lets a server action without a session through to its own guard (UNAUTHENTICATED), where a page goes to the login page", () => {
    const headers = { host: "localhost", origin: "http://localhost", "sec-fetch-site": "same-origin" };
    const signedOutAction = proxy(new NextRequest("http://localhost/field/intercepts/new", { method: "POST", headers: { ...headers, "next-action": "7f00aa" } }));
    expect(signedOutAction.headers.get("x-middleware-next")).toBe("1");
    const signedOutPage = proxy(new NextRequest("http://localhost/field/intercepts/new", { headers }));
    expect(signedOutPage.status).toBe(307);
    expect(signedOutPage.headers.get("location")).toBe("http://localhost/login");
  });
});

describe("no GET changes state (D17)", () => {
  const gets = Object.entries(ROUTE_MATRIX).filter(([k, r]) => k.startsWith("GET ") && "scope" in r && !k.includes("/stream/"));
  it.each(gets)("%s", async (key) => {
    const { method, handler } = await route(key);
    const r = rule(key);
    const req = await r.request(world);
    const who = entitledParty(handler, world);
    // Audit records (exports, reveals) are the trail, not state: compare everything else.
    const state = async () => (await footprint(units, randomUUID())).split(",").slice(0, -1).join(",");
    const before = await state();
    expect((await callRoute(handler, who, req, method)).status).toBeLessThan(400);
    expect(await state()).toBe(before);
  });
});

describe("body size (C15)", () => {
  it("answers 413 to a body over the limit, declared or streamed, writing nothing", async () => {
    const key = "POST app/api/v1/cases/route.ts";
    const { method, handler } = await route(key);
    const who = world.own.INVESTIGATOR;
    const before = await footprint(units, who.actor.id);
    const big = JSON.stringify({ summary: "x".repeat(1_100_000) });
    expect((await callRoute(handler, who, { path: "/api/v1/cases", raw: big }, method)).status).toBe(413);
    expect((await callRoute(handler, who, { path: "/api/v1/cases", raw: "{}", headers: { "content-length": "50000000" } }, method)).status).toBe(413);
    expect(await footprint(units, who.actor.id)).toBe(before);
  });
});

describe("no PII in logs (D18)", () => {
  const PII = ["13812345678", "42030219900101123X", "6222021234567890123"];
  const capture = () => {
    const lines: string[] = [];
    const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    vi.spyOn(console, "log").mockImplementation(keep);
    vi.spyOn(console, "error").mockImplementation(keep);
    vi.spyOn(console, "warn").mockImplementation(keep);
    return lines;
  };

  it("masks personal numbers in an unexpected error's log line, which carries the request id", async () => {
    const lines = capture();
    const failing = command({
      name: "test.failing", permission: "warnings:read", input: z.object({}).strict(), audit: false,
      run: async () => {
        throw new Error(`insert failed: Key (phone, id, card)=(${PII.join(", ")}) already exists`);
      },
    });
    const handler = commandRoute(failing);
    const r = await callRoute(handler as Handler, world.own.DISPATCHER, { path: "/api/v1/x", headers: { "x-request-id": "req-logs-1" } }, "GET");
    expect(r.status).toBe(500);
    expect(r.text).not.toMatch(/13812345678|insert failed/);
    const state = failure(new Error(`action failed for ${PII[0]}`), "test.failing");
    expect(state).toMatchObject({ ok: false, code: "INTERNAL" });
    const log = lines.join("\n");
    for (const full of PII) expect(log).not.toContain(full);
    expect(log).toContain("138****5678");
    const apiLine = JSON.parse(lines.find((l) => l.includes("api.failed"))!) as Record<string, unknown>;
    expect(apiLine).toMatchObject({ level: "error", event: "api.failed", requestId: "req-logs-1", path: "/api/v1/x" });
  });

  it("writes no personal data while warnings with personal data are ingested, read and worked", async () => {
    const lines = capture();
    const phone = `139${String(Date.now()).slice(-8)}`;
    const ingest = await route("POST app/api/v1/warnings/route.ts");
    const body = [{ ...(await import("@/tests/factories")).warningInput({ unitCode: world.P.code }), victim: { name: "刘桂芳", phone, idNumber: "420302195805061234".slice(0, 17) + "X" } }];
    const res = await callRoute(ingest.handler, world.own.API_KEY, { path: "/api/v1/warnings", body }, ingest.method);
    expect(res.status).toBe(200);
    const list = await route("GET app/api/v1/warnings/route.ts");
    await callRoute(list.handler, world.own.DISPATCHER, { path: `/api/v1/warnings?phone=${phone.slice(-4)}` }, list.method);
    expect(lines.join("\n")).not.toContain(phone);
  });
});
