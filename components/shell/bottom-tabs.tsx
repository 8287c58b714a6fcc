"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Building2, FolderOpen, Landmark, ListTodo, Megaphone, type LucideIcon } from "lucide-react";
import type { TabKey } from "@/lib/auth/navigation";
import { cn } from "@/components/ui/cn";

const ICONS: Record<TabKey, LucideIcon> = { tasks: ListTodo, intercept: Landmark, precinct: Building2, publicity: Megaphone, cases: FolderOpen };

type Tab = { key: TabKey; href: string; match: readonly string[]; label: string };

/** Whether a tab is the current page: its own path (and below, except the root task list), or one it claims. */
function isActive(tab: Tab, pathname: string) {
  if (pathname === tab.href || tab.match.some((m) => pathname === m || pathname.startsWith(`${m}/`))) return true;
  return tab.href !== "/field" && pathname.startsWith(`${tab.href}/`);
}

/** The officer's bottom tab bar on a phone (hidden from md up, where the side navigation is). */
export function BottomTabs({ tabs, label }: { tabs: Tab[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label={label}
      data-testid="bottom-tabs"
      className="no-print fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] shadow-[0_-1px_4px_rgba(15,23,42,0.06)] md:hidden"
    >
      <ul className="grid" style={{ gridTemplateColumns: `repeat(${tabs.length}, minmax(0, 1fr))` }}>
        {tabs.map((tab) => {
          const Icon = ICONS[tab.key];
          const active = isActive(tab, pathname);
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                data-tab={tab.key}
                aria-current={active ? "page" : undefined}
                className={cn("flex min-h-14 flex-col items-center justify-center gap-0.5 text-sm", active ? "font-semibold text-brand-700" : "text-slate-600")}
              >
                <Icon className="size-5" aria-hidden />
                <span className="whitespace-nowrap">{tab.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
