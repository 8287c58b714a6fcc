// SECURITY.md B7, B8, B11: every route handler method and every server action is built from a
// command declaration (lib/commands/), is in the authorization matrix (tests/integration/authz/),
// and behaves as its declaration says for every role and API key — the holders of its permission
// get through, everyone else is refused with an audited 403 — in its own jurisdiction and in
// another (the matrix says how each one touches records).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { routeHandlerMethods, serverActions, inlineServerActions } from "./authz/enumerate";
import { ROUTE_MATRIX } from "./authz/matrix-routes";
import { ACTION_MATRIX, type Side } from "./authz/matrix-actions";
import { callAction, callRoute, type Handler, type Outcome } from "./authz/call";
import { buildWorld, PARTIES, ROLES, type Party, type World } from "./authz/world";
import { isCommand, type Command } from "@/lib/commands/command";

vi.mock("next-auth", async () => (await import("./authz/next-mocks")).nextAuth);
vi.mock("next/headers", async () => (await import("./authz/next-mocks")).nextHeaders({ "x-request-id": "authz-matrix", "x-forwarded-for": "10.77.0.1", "user-agent": "vitest" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((k: string) => k, { has: () => true }), getLocale: async () => "zh-CN" }));

/** The command an entry point is built from (commandRoute, formAction and callAction attach it). */
const commandOf = (entry: unknown): Command | undefined => {
  const c = (entry as { command?: unknown } | undefined)?.command;
  return isCommand(c) ? c : undefined;
};
/** Whether the party may run the command, by its declaration. */
const mayRun = (c: Command, p: Party) => c.permissions.length === 0 || c.permissions.some((x) => p.actor.permissions.has(x));
/** Audit actions a read may write: a reveal of personal data, an export. */
const READ_AUDITS = /^pii\.reveal$|\.export$/;

const missing = (declared: Record<string, unknown>, found: string[]) => found.filter((k) => !(k in declared));
const stale = (declared: Record<string, unknown>, found: string[]) => Object.keys(declared).filter((k) => !found.includes(k));

describe("every entry point is built from a declaration", () => {
  const routeModule = (file: string) => import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`) as Promise<Record<string, unknown>>;

  it("builds every route handler (but the public ones) with commandRoute", async () => {
    const handwritten: string[] = [];
    for (const key of routeHandlerMethods()) {
      const [method, file] = key.split(" ") as [string, string];
      const rule = ROUTE_MATRIX[key];
      if (rule && "public" in rule) continue;
      if (!commandOf((await routeModule(file))[method])) handwritten.push(key);
    }
    expect(handwritten, "route handlers not built from a command (lib/http/route.ts commandRoute)").toEqual([]);
  });

  it("builds every server action with formAction or callAction", async () => {
    const handwritten: string[] = [];
    for (const key of serverActions()) {
      const [file, name] = key.split("#") as [string, string];
      // A public action (the language switch of the login page) has no actor to run a command for.
      if (ACTION_MATRIX[key]?.public) continue;
      if (!commandOf((await routeModule(file))[name])) handwritten.push(key);
    }
    expect(handwritten, "server actions not built from a command (lib/commands/action.ts)").toEqual([]);
  });

  it("never lets a read permission write", async () => {
    const offenders: string[] = [];
    for (const key of [...routeHandlerMethods(), ...serverActions()]) {
      const [a, b] = key.includes("#") ? key.split("#") as [string, string] : (key.split(" ").reverse() as [string, string]);
      const c = commandOf((await routeModule(a))[b]);
      const writes = c && c.audit !== false && c.audit.some((x) => !READ_AUDITS.test(x));
      if (writes && c.permissions.length && c.permissions.every((p) => p.endsWith(":read"))) offenders.push(`${key} (${c.name}: ${c.permissions.join(", ")})`);
    }
    expect(offenders, "commands that write but need only a read permission").toEqual([]);
  });
});

describe("the matrix covers every entry point", () => {
  it("has an entry for every route handler method", () => {
    const undeclared = missing(ROUTE_MATRIX, routeHandlerMethods());
    expect(undeclared, `route handler methods missing from tests/integration/authz/matrix-routes.ts:\n${undeclared.join("\n")}`).toEqual([]);
    expect(stale(ROUTE_MATRIX, routeHandlerMethods()), "entries for route handlers that no longer exist").toEqual([]);
  });

  it("has an entry for every server action", () => {
    const undeclared = missing(ACTION_MATRIX, serverActions());
    expect(undeclared, `server actions missing from tests/integration/authz/matrix-actions.ts:\n${undeclared.join("\n")}`).toEqual([]);
    expect(stale(ACTION_MATRIX, serverActions()), "entries for server actions that no longer exist").toEqual([]);
    expect(inlineServerActions(), "inline \"use server\" functions escape the matrix: move them to an actions.ts").toEqual([]);
  });
});

let world: World;
let bystandersBefore: string;
beforeAll(async () => {
  world = await buildWorld();
  bystandersBefore = await world.bystanders.snapshot();
}, 120_000);

const ok = (status: number) => status < 500 && ![401, 403, 404].includes(status);
const deniedFor = (actorId: string, entityId: string) => getDb().auditLog.count({ where: { action: "authz.denied", actorId, entityId } });
/** Every denial on every path is audited (SECURITY.md B7, E19): the party's authz.denied records so far. */
const denials = (p: Party) => getDb().auditLog.count({ where: { action: "authz.denied", actorId: p.actor.id } });

describe("route handlers", () => {
  const entries = Object.entries(ROUTE_MATRIX).filter(([key]) => routeHandlerMethods().includes(key));
  it.each(entries)("%s", async (key, rule) => {
    const [method, file] = key.split(" ") as [string, string];
    const mod = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, Handler>;
    const handler = mod[method]!;
    if ("public" in rule) {
      if (rule.call === false) return;
      const r = await callRoute(handler, null, { path: `/${file}` }, method);
      expect(r.status, `${key} without credentials`).toBe(200);
      return;
    }
    const problems: string[] = [];
    // Without credentials: 401, whatever the route.
    const anonymous = await callRoute(handler, null, await rule.request(world), method);
    if (anonymous.status !== 401) problems.push(`anonymous: ${anonymous.status}, expected 401`);
    // Built from a command (the test above holds every route to it): who may call it is its declaration's.
    const command = commandOf(handler)!;
    for (const who of PARTIES) {
      const allowed = mayRun(command, world.own[who]);
      const req = await rule.request(world);
      const deniedBefore = await denials(world.own[who]);
      const own = await callRoute(handler, world.own[who], req, method);
      const other = await callRoute(handler, world.other[who], req, method);
      const say = (side: string, got: { status: number; text: string }, want: string) => problems.push(`${who} ${side}: ${got.status} ${got.text.slice(0, 160)} — expected ${want}`);
      if (!allowed) {
        if (own.status !== 403) say("own", own, "403");
        else if ((await denials(world.own[who])) === deniedBefore) problems.push(`${who} own: 403 but no authz.denied audit record`);
        if (other.status !== 403) say("other", other, "403");
        continue;
      }
      if (!ok(own.status)) say("own", own, "to get through");
      if (rule.scope === "record") {
        if (other.status !== 404) say("other", other, "404");
        else if ((await deniedFor(world.other[who].actor.id, req.marker!)) === 0) problems.push(`${who} other: 404 but no authz.denied audit record for ${req.marker}`);
      } else if (!ok(other.status)) {
        say("other", other, "to get through");
      }
      if (rule.scope === "collection") {
        if (!own.text.includes(req.marker!)) say("own", own, `a list holding ${req.marker}`);
        if (other.text.includes(req.marker!)) say("other", other, `a list without ${req.marker}`);
      }
    }
    expect(problems, `${key}:\n${problems.join("\n")}`).toEqual([]);
  });
});

describe("server actions", () => {
  const entries = Object.entries(ACTION_MATRIX).filter(([key]) => serverActions().includes(key));
  it.each(entries)("%s", async (key, rule) => {
    const [file, name] = key.split("#") as [string, string];
    const mod = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const fn = mod[name]!;
    const command = commandOf(fn);
    const problems: string[] = [];
    const expectOutcome = (label: string, got: { outcome: Outcome; detail: string }, want: Outcome | "allowed") => {
      if (got.outcome !== want) problems.push(`${label}: ${got.outcome} (${got.detail}) — expected ${want}`);
    };
    const invoke = async (p: Party | null, side: Side = "own") => {
      const args = await rule.args(world, side);
      return callAction(p, () => fn(...args));
    };
    expectOutcome("anonymous", await invoke(null), rule.public ? "allowed" : "unauthenticated");
    if (!rule.public && command) {
      for (const who of ROLES) {
        const allowed = mayRun(command, world.own[who]);
        const deniedBefore = await denials(world.own[who]);
        const own = await invoke(world.own[who]);
        if (!allowed) {
          expectOutcome(`${who} own`, own, rule.denied?.[who] ?? rule.denied?.all ?? "forbidden");
          if (["forbidden", "refused"].includes(own.outcome) && (await denials(world.own[who])) === deniedBefore) problems.push(`${who} own: ${own.outcome} but no authz.denied audit record`);
          continue;
        }
        expectOutcome(`${who} own`, own, rule.own?.[who] ?? "allowed");
        if (rule.scope === "record") expectOutcome(`${who} other`, await invoke(world.other[who], "other"), rule.other ?? "not-found");
      }
    }
    expect(problems, `${key}:\n${problems.join("\n")}`).toEqual([]);
  });
});

// SECURITY.md 36: after every route and action above has run for every role, in and out of its
// jurisdiction, a third city's records (with the same victim, contact and customer as the calls
// carried) are exactly as they were: no side effect crossed a jurisdiction.
describe("side effects stay in the jurisdiction", () => {
  it("leaves a third city's warnings, follow-ups and cases untouched", async () => {
    // Compared parsed, so a failure shows the fields that changed.
    expect(JSON.parse(await world.bystanders.snapshot())).toEqual(JSON.parse(bystandersBefore));
  });
});
