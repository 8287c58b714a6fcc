import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { env, isHttps } from "@/lib/env";
import { login } from "@/lib/auth/login";
import { endSession, IDLE_TIMEOUT_MS } from "@/lib/auth/session";
import { SESSION_ABSOLUTE_MS } from "@/lib/auth/login";

declare module "next-auth" {
  interface User {
    sid: string;
  }
  interface Session {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

type RawHeaders = Record<string, string | string[] | undefined> | undefined;
const header = (h: RawHeaders, name: string) => {
  const v = h?.[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

/**
 * NextAuth carries only a signed token naming a server-side session row; the row (checked on every
 * request in lib/auth/session.ts) is what decides whether the session is alive.
 */
export function authOptions(): NextAuthOptions {
  const secure = isHttps();
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000, updateAge: IDLE_TIMEOUT_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: secure,
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "credentials",
        credentials: { username: { type: "text" }, password: { type: "password" }, otp: { type: "text" } },
        async authorize(credentials, req) {
          const h = req?.headers as RawHeaders;
          const forwarded = header(h, "x-forwarded-for")?.split(",")[0]?.trim();
          const input = Object.fromEntries(
            Object.entries({ username: credentials?.username, password: credentials?.password, otp: credentials?.otp || undefined }).filter(([, v]) => v !== undefined),
          );
          const result = await login(getDb(), input, {
            ip: forwarded || header(h, "x-real-ip"),
            userAgent: header(h, "user-agent"),
            requestId: header(h, "x-request-id") ?? randomUUID(),
          });
          // The thrown message reaches the login form as its error code.
          if (!result.ok) throw new Error(result.error);
          return { id: result.userId, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(getDb(), token.sid, { ip: null, requestId: randomUUID() });
      },
    },
  };
}
