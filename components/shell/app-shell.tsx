import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { navFor } from "@/lib/auth/navigation";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { NotificationBell } from "@/components/shell/notification-bell";

/** The frame of every signed-in page: navigation for what the role may use, the user and unit. */
export async function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const t = await getTranslations();
  const items = navFor(actor).map((i) => ({ key: i.key, href: i.href, label: t(`nav.${i.key}`) }));
  return (
    <div className="min-h-screen md:flex">
      <a href="#main" className="sr-only focus:not-sr-only">
        {t("shell.skipToContent")}
      </a>
      <aside className="no-print bg-brand-900 md:w-56 md:shrink-0">
        <div className="px-3 py-3 md:sticky md:top-0 md:py-5">
          <div className="mb-3 px-3 md:mb-6">
            <p className="text-xs text-blue-200">{t("app.org")}</p>
            <p className="text-base font-semibold text-white">{t("app.short")}</p>
          </div>
          <NavLinks items={items} label={t("nav.main")} />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="no-print flex flex-wrap items-center justify-end gap-2 border-b border-slate-200 bg-white px-4 py-2">
          <div className="mr-auto text-sm text-slate-600 md:mr-0" data-testid="user-menu" aria-label={t("shell.userMenu")}>
            <span className="font-medium text-slate-900">{actor.displayName}</span>
            <span className="mx-1.5 text-slate-300">|</span>
            <span>{actor.role ? t(`roles.${actor.role}`) : null}</span>
            <span className="mx-1.5 text-slate-300">|</span>
            <span data-testid="user-unit">{actor.unitName}</span>
          </div>
          <NotificationBell actor={actor} />
          <LocaleSwitch />
          <Link href="/account/security" className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100">
            {t("account.menuLink")}
          </Link>
          <SignOutButton label={t("shell.logout")} />
        </header>
        <main id="main" className="mx-auto max-w-7xl p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
