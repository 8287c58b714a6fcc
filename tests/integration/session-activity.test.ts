// SECURITY.md A5: a session idles out after 30 minutes without the user's doing. What a page does
// by itself — its live re-renders and the router's prefetches (Server Component fetches), its event
// stream — does not count; a page load, a server action, an API call and the page's activity signal
// do. The live stream ends, saying so, before its page's next re-render would find the session over.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { endSession, IDLE_TIMEOUT_MS } from "@/lib/auth/session";
import { warningBus } from "@/lib/warnings/live";
import { markPageFetch, PAGE_FETCH_HEADER } from "@/lib/http/page-fetch";
import { client, makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

vi.mock("next-auth", async () => (await import("./authz/next-mocks")).nextAuth);
const request = globalThis as { __authzSid?: string | null; __headers?: Record<string, string> };
vi.mock("next/headers", () => ({ headers: async () => new Headers((globalThis as { __headers?: Record<string, string> }).__headers ?? {}) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { requirePageUser } = await import("@/lib/auth/guards");
const { POST: signalActivity } = await import("@/app/api/activity/route");
const { GET: warningStream, HEARTBEAT_MS } = await import("@/app/api/v1/warnings/stream/route");
const { GET: listWarnings } = await import("@/app/api/v1/warnings/route");
const { GET: alerts } = await import("@/app/api/alerts/route");

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
  // The bus listening: its first connection says so with a resync.
  const bus = warningBus();
  await new Promise<void>((resolve) => {
    const ready = (e: { kind: string }) => e.kind === "resync" && (bus.off("event", ready), resolve());
    bus.on("event", ready);
    setTimeout(() => (bus.off("event", ready), resolve()), 3000);
  });
});
afterEach(() => {
  vi.useRealTimers();
  request.__headers = {};
});

/** A dispatcher's session, last active `idleMs` ago, made the caller. */
async function sessionIdleFor(idleMs: number) {
  const { user } = await makeUser(tree.branches[0]!.precincts[0]!, "DISPATCHER");
  const s = await getDb().userSession.create({
    data: { userId: user.id, sessionVersion: user.sessionVersion, lastSeenAt: new Date(Date.now() - idleMs), expiresAt: new Date(Date.now() + 3_600_000) },
  });
  request.__authzSid = s.id;
  const lastSeen = async () => (await getDb().userSession.findUniqueOrThrow({ where: { id: s.id } })).lastSeenAt.getTime();
  return { id: s.id, lastSeen, at: await lastSeen() };
}

const browserRequest = (path: string, method = "GET") =>
  new Request(`http://localhost${path}`, { method, headers: { host: "localhost", "sec-fetch-site": "same-origin", origin: "http://localhost" } });

describe("what keeps a session from idling out", () => {
  it("the server tells a page's Server Component fetch (a live re-render, a prefetch) from a page load and a server action, whatever the caller says", () => {
    const mark = (headers: Record<string, string>) => {
      const req = { headers: { ...headers } as Record<string, string | undefined> };
      markPageFetch(req);
      return req.headers[PAGE_FETCH_HEADER] ?? null;
    };
    expect(mark({ rsc: "1", "next-router-state-tree": "[]" })).toBe("1");
    expect(mark({ rsc: "1", "next-router-prefetch": "1" })).toBe("1");
    expect(mark({ accept: "text/html" })).toBeNull();
    expect(mark({ accept: "text/html", [PAGE_FETCH_HEADER]: "1" })).toBeNull();
    expect(mark({ rsc: "1", "next-action": "7f00" })).toBeNull();
  });

  it("a page's load and its server actions do; its Server Component fetches do not", async () => {
    const s = await sessionIdleFor(10 * 60_000);
    request.__headers = { [PAGE_FETCH_HEADER]: "1" };
    await requirePageUser();
    expect(await s.lastSeen()).toBe(s.at);

    request.__headers = { [PAGE_FETCH_HEADER]: "0" };
    await requirePageUser();
    expect(await s.lastSeen()).toBeGreaterThan(s.at);
  });

  it("the page's activity signal and an API call do; opening the event stream and the header's live state do not", async () => {
    const s = await sessionIdleFor(10 * 60_000);
    const ac = new AbortController();
    const res = await warningStream(new Request("http://localhost/api/v1/warnings/stream", { headers: { host: "localhost", "sec-fetch-site": "same-origin" }, signal: ac.signal }), {});
    expect(res.status).toBe(200);
    ac.abort();
    await res.body?.cancel().catch(() => {});
    expect(await s.lastSeen()).toBe(s.at);
    const state = await alerts(browserRequest("/api/alerts"), {});
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({ unread: expect.any(Number), unhandledCritical: expect.any(Number) });
    expect(await s.lastSeen()).toBe(s.at);

    const signal = await signalActivity(browserRequest("/api/activity", "POST"), {});
    expect(signal.status).toBe(204);
    expect(await s.lastSeen()).toBeGreaterThan(s.at);

    const t = await sessionIdleFor(10 * 60_000);
    expect((await listWarnings(browserRequest("/api/v1/warnings"), {})).status).toBe(200);
    expect(await t.lastSeen()).toBeGreaterThan(t.at);
  });

  it("the activity signal is refused from another site and without a session", async () => {
    await sessionIdleFor(0);
    const foreign = new Request("http://localhost/api/activity", { method: "POST", headers: { host: "localhost", "sec-fetch-site": "cross-site", origin: "https://evil.example" } });
    expect((await signalActivity(foreign, {})).status).toBe(403);
    request.__authzSid = null;
    expect((await signalActivity(browserRequest("/api/activity", "POST"), {})).status).toBe(401);
  });
});

describe("the live stream of a session about to lapse", () => {
  it("holds back events in the session's last seconds, makes up for them if the user comes back, and ends saying signedOut when not", async () => {
    const unit = tree.branches[0]!.precincts[0]!;
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"], now: start });
    // Idle for all but a minute of the limit.
    const s = await sessionIdleFor(IDLE_TIMEOUT_MS - 60_000);
    const res = await warningStream(new Request("http://localhost/api/v1/warnings/stream", { headers: { host: "localhost", "sec-fetch-site": "same-origin" } }), {});
    const body = res.body!.getReader();
    const next = async () => {
      const { done, value } = await body.read();
      return done ? null : new TextDecoder().decode(value);
    };
    const event = () => warningBus().emit("event", { kind: "ingested", counts: { [unit.id]: 1 } });

    expect(await next()).toContain('"kind":"hello"');
    event();
    expect(await next()).toContain('"kind":"ingested"');

    // Four seconds before the lapse an event would re-render the page after it: held back.
    vi.setSystemTime(start + 56_000);
    event();
    // The user comes back (a click: the activity signal); the next heartbeat learns of it and makes up for the event.
    await getDb().userSession.update({ where: { id: s.id }, data: { lastSeenAt: new Date() } });
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(await next()).toContain('"kind":"resync"');
    expect(await next()).toBe(": hb\n\n");
    event();
    expect(await next()).toContain('"kind":"ingested"');

    // Then nothing more from the user: four seconds before the new lapse the stream ends, saying why.
    vi.setSystemTime(start + 56_000 + IDLE_TIMEOUT_MS - 4_000 - HEARTBEAT_MS);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(await next()).toContain('"kind":"signedOut"');
    expect(await next()).toBeNull();
    // The session itself still stood: the stream ended before it lapsed, not after.
    expect((await getDb().userSession.findUniqueOrThrow({ where: { id: s.id } })).revokedAt).toBeNull();
  });
});

describe("the live stream of a session ended elsewhere", () => {
  it("ends at once, saying signedOut, not at its next heartbeat: signed out in another tab, or the user disabled", async () => {
    const open = async () => {
      const res = await warningStream(new Request("http://localhost/api/v1/warnings/stream", { headers: { host: "localhost", "sec-fetch-site": "same-origin" } }), {});
      const body = res.body!.getReader();
      return async () => {
        const { done, value } = await body.read();
        return done ? null : new TextDecoder().decode(value);
      };
    };
    // Heartbeats far away: only the database's announcement can end the stream in time.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const s = await sessionIdleFor(0);
    const next = await open();
    expect(await next()).toContain('"kind":"hello"');
    await endSession(s.id, client());
    expect(await next()).toContain('"kind":"signedOut"');
    expect(await next()).toBeNull();

    const t = await sessionIdleFor(0);
    const user = (await getDb().userSession.findUniqueOrThrow({ where: { id: t.id } })).userId;
    const other = await sessionIdleFor(0); // another user's stream is not asked
    const nextOther = await open();
    expect(await nextOther()).toContain('"kind":"hello"');
    request.__authzSid = t.id;
    const nextT = await open();
    expect(await nextT()).toContain('"kind":"hello"');
    await getDb().user.update({ where: { id: user }, data: { active: false } });
    expect(await nextT()).toContain('"kind":"signedOut"');
    expect(await nextT()).toBeNull();
    // The other stream is still open: it beats at its heartbeat.
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(await nextOther()).toBe(": hb\n\n");
    expect((await getDb().userSession.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).toBeNull();
  });
});
