import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

export async function unreadCount(actor: Actor): Promise<number> {
  return getDb().notification.count({ where: { userId: actor.id, readAt: null } });
}

/** The user's latest notifications (their own only; they carry ids and steps, no personal data). */
export async function listNotifications(actor: Actor, take = 100) {
  const rows = await getDb().notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, entityType: true, entityId: true, data: true, createdAt: true, readAt: true },
  });
  return rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null, data: n.data as Record<string, string> }));
}

export async function markAllRead(actor: Actor): Promise<number> {
  const { count } = await getDb().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
