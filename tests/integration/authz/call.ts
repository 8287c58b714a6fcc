// Calling an entry point as a party: route handlers with a Request (bearer key, or the session
// cookie, which the test's next-auth mock turns into a real session row), server actions as the
// signed-in user; and what came of it.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ROLES, type Party, type World } from "./world";
import type { Command } from "@/lib/commands/command";

/** Shared with the test file's vi.mock factories (they cannot close over module variables). */
export const box = globalThis as unknown as { __authzSid?: string | null };

export type Req = {
  path: string; params?: Record<string, string>; body?: unknown; raw?: string; method?: string; headers?: Record<string, string>; marker?: string;
  /** Sent as a script sends it: without the Sec-Fetch-Site a browser adds to every request. */
  bare?: boolean;
};
export type Handler = (req: Request, ctx: { params?: Promise<Record<string, string>> }) => Promise<Response>;

const sessions = new Map<string, string>();

/** Makes the party the caller of what runs next; answers the headers a request needs. */
export async function actAs(p: Party | null): Promise<Record<string, string>> {
  box.__authzSid = null;
  if (!p) return {};
  if (p.kind === "key") return { authorization: `Bearer ${p.key}` };
  let sid = sessions.get(p.user.id);
  if (!sid) {
    const s = await getDb().userSession.create({ data: { userId: p.user.id, sessionVersion: p.user.sessionVersion, expiresAt: new Date(Date.now() + 3_600_000) } });
    sid = s.id;
    sessions.set(p.user.id, sid);
  }
  box.__authzSid = sid;
  return {};
}

export async function callRoute(handler: Handler, p: Party | null, req: Req, method: string): Promise<{ status: number; text: string }> {
  const browser: Record<string, string> = req.bare ? {} : { "sec-fetch-site": "same-origin" };
  const headers: Record<string, string> = { "content-type": "application/json", host: "localhost", ...browser, ...(await actAs(p)), ...req.headers };
  const ac = new AbortController();
  const request = new Request(`http://localhost${req.path}`, {
    method, headers, signal: ac.signal,
    body: method === "GET" ? undefined : req.raw ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
  });
  // As Next calls it: a route without dynamic segments gets no params at all.
  const res = await handler(request, req.params ? { params: Promise.resolve(req.params) } : {});
  if (res.headers.get("content-type")?.includes("text/event-stream")) {
    ac.abort();
    await res.body?.cancel().catch(() => {});
    return { status: res.status, text: "" };
  }
  return { status: res.status, text: await res.text() };
}

/** What a server action's call came to, from its authorization's point of view. */
export type Outcome = "allowed" | "forbidden" | "not-found" | "unauthenticated" | "refused" | "error";

const BY_CODE: Record<string, Outcome> = { FORBIDDEN: "forbidden", NOT_FOUND: "not-found", UNAUTHENTICATED: "unauthenticated", INTERNAL: "error" };

function fromResult(r: unknown): Outcome {
  if (r && typeof r === "object") {
    if ("ok" in r && (r as { ok: unknown }).ok === false) return BY_CODE[String((r as { code?: unknown }).code)] ?? "allowed";
    // Bulk actions answer counts: nothing done is a refusal, whatever the reason.
    const data = (r as { data?: unknown }).data;
    if (data && typeof data === "object" && "done" in data && typeof data.done === "number") return data.done > 0 ? "allowed" : "refused";
  }
  return "allowed";
}

function fromError(e: unknown): Outcome {
  const digest = String((e as { digest?: unknown } | null)?.digest ?? "");
  if (digest.startsWith("NEXT_REDIRECT")) return "allowed";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not-found";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
  if (e instanceof AppError) return BY_CODE[e.code] ?? "allowed";
  return "error";
}

export async function callAction(p: Party | null, invoke: () => Promise<unknown>): Promise<{ outcome: Outcome; detail: string }> {
  await actAs(p);
  try {
    const r = await invoke();
    return { outcome: fromResult(r), detail: JSON.stringify(r)?.slice(0, 300) ?? "undefined" };
  } catch (e) {
    return { outcome: fromError(e), detail: String((e as Error)?.message ?? e).slice(0, 300) };
  }
}

/** FormData from a flat or nested object: nested keys become dotted names, arrays indexed ones. */
export function form(values: Record<string, unknown>): FormData {
  const fd = new FormData();
  const put = (name: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((x, i) => put(`${name}.${i}`, x));
    else if (typeof v === "object") for (const [k, x] of Object.entries(v)) put(`${name}.${k}`, x);
    else fd.append(name, String(v));
  };
  for (const [k, v] of Object.entries(values)) put(k, v);
  return fd;
}

/**
 * A party entitled to call the entry point, by its command's declaration: a signed-in user where a
 * role may (the cookie path), else the holder of the grant where only a grant opens it, else the API key.
 */
export function entitledParty(entry: unknown, world: World): Party {
  const who = ROLES.find((w) => mayCall(entry, world.own[w]));
  if (who) return world.own[who];
  return mayCall(entry, world.approver) ? world.approver : world.own.API_KEY;
}

/** Whether the party holds a permission the entry point's command declares. */
export function mayCall(entry: unknown, party: Party): boolean {
  const c = (entry as { command: Command }).command;
  return c.permissions.length === 0 || c.permissions.some((x) => party.actor.permissions.has(x));
}
