import Link from "next/link";
import { Bell } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { unreadCount } from "@/lib/notifications/queries";

export async function NotificationBell({ actor }: { actor: Actor }) {
  const [count, t] = await Promise.all([unreadCount(actor), getTranslations("notifications")]);
  return (
    <Link href="/notifications" aria-label={t("bell", { count })} data-testid="notification-bell" className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100">
      <Bell className="size-5" aria-hidden />
      {count > 0 ? (
        <span className="absolute top-1 right-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">{count > 99 ? "99+" : count}</span>
      ) : null}
    </Link>
  );
}
