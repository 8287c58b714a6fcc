import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import { foreignWriteReason } from "@/lib/http/same-origin";

// The proxy only decorates and redirects: every page, action and route handler checks the user
// itself (lib/auth/guards.ts). It sets a request id, a CSP nonce and the security headers, and
// answers the server-action requests Next would fail with an error page (foreign origin, oversized
// body) with the 4xx they are.

const PUBLIC_PAGES = ["/login"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
/** next.config.ts `serverActions.bodySizeLimit`. */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * A server action (a POST to a page, or any request naming a `Next-Action`) refused before Next
 * runs it: Next itself answers a foreign origin with a 500 and an oversized body with an error
 * digest; these are a 403 and a 413 (SECURITY.md C15, G34). A body without a declared length is
 * still held to the limit by Next.
 */
function refuseServerAction(request: NextRequest): Response | null {
  const reason = foreignWriteReason(request.headers);
  if (reason) return Response.json({ error: { code: "FORBIDDEN", message: reason } }, { status: 403 });
  if (Number(request.headers.get("content-length") ?? "0") > SERVER_ACTION_BODY_LIMIT) {
    return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: `body over ${SERVER_ACTION_BODY_LIMIT} bytes` } }, { status: 413 });
  }
  return null;
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const requestId = crypto.randomUUID();
  const dev = process.env.NODE_ENV === "development";
  const https = request.nextUrl.protocol === "https:";
  const headers = securityHeaders({ nonce, dev, https });

  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const signedIn = SESSION_COOKIES.some((c) => request.cookies.has(c));
  const isAction = request.headers.has("next-action") || (!isApi && request.method !== "GET" && request.method !== "HEAD");
  const refused = isAction ? refuseServerAction(request) : null;
  if (refused) {
    for (const [k, v] of Object.entries(headers)) refused.headers.set(k, v);
    return refused;
  }
  // A page without a session goes to the login page. A server action does not: redirected, the
  // form that sent it would be left for the login page and lose what was typed; its own guard
  // answers UNAUTHENTICATED, and the form offers to sign in again in another tab.
  if (!isApi && !isAction && !signedIn && !PUBLIC_PAGES.includes(pathname)) {
    const res = NextResponse.redirect(new URL("/login", request.url));
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }

  const forwarded = new Headers(request.headers);
  // Never trust a caller's internal Next.js headers.
  forwarded.delete("x-middleware-subrequest");
  forwarded.set("x-nonce", nonce);
  forwarded.set("x-request-id", requestId);
  // For the app layout's page-access check (lib/auth/page-access.ts); always ours, never the caller's.
  forwarded.set("x-pathname", pathname);
  forwarded.set("content-security-policy", contentSecurityPolicy(nonce, dev));
  const res = NextResponse.next({ request: { headers: forwarded } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  res.headers.set("x-request-id", requestId);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
