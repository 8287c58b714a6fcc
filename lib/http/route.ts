import "server-only";
import { getServerSession } from "next-auth";
import { AppError, fromDatabaseError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { Actor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/auth-options";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { resolveSession } from "@/lib/auth/session";
import { requestInfoFrom } from "@/lib/auth/request-info";
import { foreignWriteReason } from "@/lib/http/same-origin";
import { unsafeTextIssues } from "@/lib/security/text";
import type { Command } from "@/lib/commands/command";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function errorResponse(err: AppError, requestId: string): Response {
  return Response.json(
    { error: { code: err.code, message: err.message, details: err.details, requestId } },
    // Retry-After in seconds (RFC 9110), and the same in milliseconds (Retry-After-Ms).
    { status: err.status, headers: err.code === "RATE_LIMITED" || err.code === "UNAVAILABLE" ? { "Retry-After": "5", "Retry-After-Ms": "5000" } : {} },
  );
}

async function authenticate(req: Request, info: { ip: string | null; requestId: string }, activity: boolean): Promise<{ actor: Actor; viaCookie: boolean }> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = m ? await authenticateApiKey(m[1]!, info) : null;
    if (!actor) throw new AppError("UNAUTHENTICATED", "invalid or revoked API key");
    return { actor, viaCookie: false };
  }
  const session = await getServerSession(authOptions());
  const actor = session?.sid ? await resolveSession(session.sid, info, undefined, { activity }) : null;
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in or send an API key");
  return { actor, viaCookie: true };
}

/** Cookie-authenticated writes must come from our own pages (SECURITY.md D17, G34). */
function assertSameOrigin(req: Request) {
  const reason = foreignWriteReason(req.headers);
  if (reason) throw new AppError("FORBIDDEN", reason);
}

async function readJson(req: Request, limit: number, checkText: boolean): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("PAYLOAD_TOO_LARGE", `body over ${limit} bytes`);
  const reader = req.body?.getReader();
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", `body over ${limit} bytes`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "the body is not valid JSON", [{ path: "", code: "invalid_json", message: "malformed JSON" }]);
  }
  // Text the database cannot store (NUL, unpaired surrogates) makes the body malformed, batches included.
  const unsafe = checkText ? unsafeTextIssues(body) : [];
  if (unsafe.length) throw new AppError("VALIDATION", "the body holds text that cannot be stored", unsafe);
  return body;
}

type CommandRouteOptions<O> = {
  /**
   * The command's input from the request. By default: the query's fields (GET) or the JSON body's
   * fields, with the path's parameters over them (a body cannot name another record than its URL).
   */
  input?: (req: { params: Record<string, string>; body: unknown; query: URLSearchParams }) => unknown;
  /** The success status: 200 unless said (201 for a creation). */
  status?: number;
  /** The answer, when it is not the command's result as JSON (a file, a stream, a summary). */
  respond?: (data: O, req: Request) => Response | unknown;
  bodyLimit?: number;
  /**
   * A request a page makes by itself (its event stream, the header's live state): it does not keep
   * the user's session from idling out (SECURITY.md A5; lib/http/page-fetch.ts).
   */
  background?: boolean;
  /** Text the database cannot store is refused per item (batches), not for the whole body. */
  checksTextPerItem?: boolean;
};

export type CommandRoute = ((req: Request, ctx: { params?: Promise<Record<string, string>> }) => Promise<Response>) & { readonly command: Command };

function defaultInput({ params, body, query }: { params: Record<string, string>; body: unknown; query: URLSearchParams }, method: string): unknown {
  if (method === "GET" || method === "HEAD" || method === "DELETE") return { ...Object.fromEntries(query), ...params };
  if (body === undefined) return { ...params };
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  // The URL names the record: a body naming one too is malformed, not silently overruled.
  const clash = Object.keys(params).filter((k) => k in body);
  if (clash.length) throw new AppError("VALIDATION", "invalid input", clash.map((k) => ({ path: k, code: "unknown_keys", message: "given by the URL" })));
  return { ...body, ...params };
}

/**
 * A route handler of /api/v1 built from a command: request id, authentication (API key or session
 * cookie), same-origin check for cookie writes, body size limit, then the command (permission,
 * strict input, transaction, audit), an Idempotency-Key when the command takes one, and errors as
 * `{ error: { code, message, details } }` — never a stack trace.
 */
export function commandRoute<O>(command: Command<O>, opts: CommandRouteOptions<O> = {}): CommandRoute {
  const handler = async (req: Request, ctx: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const info = requestInfoFrom(req.headers);
    try {
      const { actor, viaCookie } = await authenticate(req, info, !opts.background);
      const reads = req.method === "GET" || req.method === "HEAD";
      if (viaCookie && !reads) assertSameOrigin(req);
      // A route without dynamic segments gets no params from Next.
      const params = (await ctx.params) ?? {};
      const body = reads ? undefined : await readJson(req, opts.bodyLimit ?? DEFAULT_BODY_LIMIT, !opts.checksTextPerItem);
      const query = new URL(req.url).searchParams;
      const input = opts.input ? opts.input({ params, body, query }) : defaultInput({ params, body, query }, req.method);
      const key = command.idempotent ? req.headers.get("idempotency-key") : null;
      const { data, replayed } = await (command as Command<O>).execute(actor, input, { idempotencyKey: key });
      if (opts.respond) {
        const answer = await opts.respond(data, req);
        return answer instanceof Response ? answer : Response.json(answer);
      }
      if (replayed) return Response.json(data, { status: 200, headers: { "Idempotent-Replayed": "true" } });
      return Response.json(data ?? null, { status: opts.status ?? 200 });
    } catch (e) {
      const err = e instanceof AppError ? e : fromDatabaseError(e);
      if (err) return errorResponse(err, info.requestId);
      logger.error("api.failed", { requestId: info.requestId, command: command.name, method: req.method, path: new URL(req.url).pathname, error: e });
      return errorResponse(new AppError("INTERNAL", "internal error"), info.requestId);
    }
  };
  return Object.assign(handler, { command: command as Command });
}
