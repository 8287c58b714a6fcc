import "server-only";
import type { Tx } from "@/lib/db";

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const MAX_SESSIONS_PER_USER = 2;

/**
 * Opens a server-side session for the user and ends the oldest live ones beyond
 * MAX_SESSIONS_PER_USER. Runs in the caller's transaction (with the login's audit record).
 */
export async function openSession(
  tx: Tx,
  user: { id: string; sessionVersion: number },
  client: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<{ sessionId: string; endedSessions: number }> {
  const created = await tx.userSession.create({
    data: {
      userId: user.id,
      sessionVersion: user.sessionVersion,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 256) ?? null,
    },
    select: { id: true },
  });
  const live = await tx.userSession.findMany({
    where: { userId: user.id, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const surplus = live.slice(MAX_SESSIONS_PER_USER).map((s) => s.id);
  if (surplus.length) await tx.userSession.updateMany({ where: { id: { in: surplus } }, data: { revokedAt: now } });
  return { sessionId: created.id, endedSessions: surplus.length };
}
