import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { navFor, tabsFor } from "@/lib/auth/navigation";
import { cn } from "@/components/ui/cn";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { NotificationBell } from "@/components/shell/notification-bell";
import { HeaderMenu } from "@/components/shell/header-menu";
import { BottomTabs } from "@/components/shell/bottom-tabs";
import { ActivitySignal } from "@/components/auth/activity-signal";

/**
 * The frame of every signed-in page: navigation for what the role may use, the user and unit. On
 * a phone the header is one row (secondary controls behind a menu button), and an officer gets a
 * bottom tab bar instead of the side navigation, so the page keeps the screen.
 */
export async function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const t = await getTranslations();
  const items = navFor(actor).map((i) => ({ key: i.key, href: i.href, label: t(`nav.${i.key}`) }));
  const tabs = tabsFor(actor).map((tab) => ({ key: tab.key, href: tab.href, match: tab.match, label: t(`shell.tabs.${tab.key}`) }));
  const phoneTabs = tabs.length > 0;
  return (
    <div className="min-h-screen md:flex">
      <a href="#main" className="sr-only focus:not-sr-only">
        {t("shell.skipToContent")}
      </a>
      <aside className={cn("no-print bg-brand-900 md:w-56 md:shrink-0", phoneTabs && "hidden md:block")}>
        <div className="px-3 py-2 md:sticky md:top-0 md:py-5">
          <div className="mb-1 px-3 md:mb-6">
            <p className="hidden text-xs text-blue-200 md:block">{t("app.org")}</p>
            <p className="text-base font-semibold text-white">{t("app.short")}</p>
          </div>
          <NavLinks items={items} label={t("nav.main")} />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <header data-testid="app-header" className="no-print relative flex items-center justify-end gap-1 border-b border-slate-200 bg-white px-3 py-1 md:flex-wrap md:gap-2 md:px-4 md:py-2">
          {phoneTabs ? <span className="mr-auto truncate text-base font-semibold text-brand-900 md:hidden">{t("app.short")}</span> : null}
          <div className={cn("min-w-0 truncate text-sm text-slate-600 md:mr-0", !phoneTabs && "mr-auto")} data-testid="user-menu" aria-label={t("shell.userMenu")}>
            <span className="font-medium text-slate-900">{actor.displayName}</span>
            <span className="hidden md:inline">
              <span className="mx-1.5 text-slate-300">|</span>
              <span>{actor.role ? t(`roles.${actor.role}`) : null}</span>
              <span className="mx-1.5 text-slate-300">|</span>
              <span data-testid="user-unit">{actor.unitName}</span>
            </span>
          </div>
          <NotificationBell actor={actor} />
          <HeaderMenu label={t("shell.more")}>
            <LocaleSwitch />
            <Link href="/account/security" className="inline-flex min-h-11 items-center rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100 md:min-h-10">
              {t("account.menuLink")}
            </Link>
            <SignOutButton label={t("shell.logout")} />
          </HeaderMenu>
        </header>
        <main id="main" className={cn("mx-auto max-w-7xl p-4 md:p-6", phoneTabs && "pb-24 md:pb-6")}>
          {children}
        </main>
      </div>
      {phoneTabs ? <BottomTabs tabs={tabs} label={t("shell.tabsLabel")} /> : null}
      <ActivitySignal />
    </div>
  );
}
