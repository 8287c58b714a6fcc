import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { SignOutButton } from "@/components/shell/sign-out-button";

/**
 * The frame of the account pages. They serve sessions that still owe a step (no navigation, no
 * app shell: nothing else is reachable yet) as well as full ones (a way back to work).
 */
export async function AccountFrame({ actor, full, title, children }: { actor: Actor; full: boolean; title: string; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <main className="min-h-screen bg-slate-50 px-4 py-8">
      <div className="mx-auto max-w-xl">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
          <span data-testid="account-user">{t("account.signedInAs", { name: actor.displayName, username: actor.name })}</span>
          <span className="flex items-center gap-1">
            {full ? (
              <Link href="/" className="inline-flex min-h-10 items-center rounded-md px-3 text-brand-700 hover:bg-slate-100">
                {t("account.backHome")}
              </Link>
            ) : null}
            <SignOutButton label={t("shell.logout")} />
          </span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold text-slate-900">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}
