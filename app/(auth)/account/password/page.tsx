import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAccountPage } from "@/lib/auth/guards";
import { accountOverview } from "@/lib/auth/account-overview";
import { AccountFrame } from "@/components/auth/account-frame";
import { PasswordChangeForm } from "@/components/auth/password-change-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.password"))("title") };
}

/** Forced on first login and when the password has expired; reachable from account security otherwise. */
export default async function PasswordPage() {
  const { actor, pending } = await requireAccountPage();
  const [t, overview] = await Promise.all([getTranslations("account.password"), accountOverview(actor)]);
  const notice =
    pending === "password"
      ? overview.mustChangePassword ? t("forcedFirst") : t("forcedExpired", { days: overview.passwordMaxAgeDays })
      : t("voluntary");
  return (
    <AccountFrame actor={actor} full={!pending} title={t("title")}>
      <p className={pending === "password" ? "mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-800" : "mb-4 text-sm text-slate-500"} data-testid="password-notice">
        {notice}
      </p>
      <PasswordChangeForm />
    </AccountFrame>
  );
}
