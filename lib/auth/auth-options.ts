import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { randomUUID } from "node:crypto";
import { env, isHttps } from "@/lib/env";
import { authorizeCredentials } from "@/lib/auth/login";
import { requestInfoFromRecord } from "@/lib/auth/request-info";
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
          const input = Object.fromEntries(
            Object.entries({ username: credentials?.username, password: credentials?.password, otp: credentials?.otp || undefined }).filter(([, v]) => v !== undefined),
          );
          // The thrown message reaches the login form as its error code.
          return authorizeCredentials(input, requestInfoFromRecord(req?.headers));
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
        if (token?.sid) await endSession(token.sid, { ip: null, requestId: randomUUID() });
      },
    },
  };
}
