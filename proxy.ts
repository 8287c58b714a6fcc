import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";

// The proxy only decorates and redirects: every page, action and route handler checks the user
// itself (lib/auth/guards.ts). It sets a request id, a CSP nonce and the security headers.

const PUBLIC_PAGES = ["/login"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const requestId = crypto.randomUUID();
  const dev = process.env.NODE_ENV === "development";
  const https = request.nextUrl.protocol === "https:";
  const headers = securityHeaders({ nonce, dev, https });

  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const signedIn = SESSION_COOKIES.some((c) => request.cookies.has(c));
  if (!isApi && !signedIn && !PUBLIC_PAGES.includes(pathname)) {
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
