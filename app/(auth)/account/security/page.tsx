import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireAccountPage } from "@/lib/auth/guards";
import { accountOverview } from "@/lib/auth/account-overview";
import { AccountFrame } from "@/components/auth/account-frame";
import { TotpEnroll } from "@/components/auth/totp-enroll";
import { FactorManage } from "@/components/auth/factor-manage";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** The user's own second factor; the forced enrolment of ADMIN, AUDITOR and LEADER lands here. */
export default async function SecurityPage() {
  const { actor, pending } = await requireAccountPage();
  if (pending === "password") redirect("/account/password");
  const [t, format, overview] = await Promise.all([getTranslations(), getFormatter(), accountOverview(actor)]);
  const { factor } = overview;
  return (
    <AccountFrame actor={actor} full={!pending} title={t("account.title")}>
      <section className="space-y-4">
        <h2 className="text-base font-semibold text-slate-900">{t("account.mfa.title")}</h2>
        {pending === "mfa-enroll" && actor.role ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800" data-testid="mfa-required">
            {t("account.mfa.requiredNotice", { role: t(`roles.${actor.role}`) })}
          </p>
        ) : null}
        {factor.enrolled ? (
          <>
            <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="mfa-status">
              <strong>{t("account.mfa.enabled")}</strong>{" "}
              {t("account.mfa.enabledSince", { date: format.dateTime(factor.enrolledAt!, { dateStyle: "medium" }), count: factor.recoveryCodesLeft })}
            </p>
            <FactorManage canRemove={!factor.required} />
          </>
        ) : (
          <>
            <p className="text-sm text-slate-600" data-testid="mfa-status">{t("account.mfa.notEnabled")}</p>
            <TotpEnroll next={pending ? "/" : "/account/security"} />
          </>
        )}
      </section>
      {!pending ? (
        <p className="mt-6 border-t border-slate-100 pt-4 text-sm">
          <Link href="/account/password" className="text-brand-700 underline-offset-2 hover:underline">{t("account.password.link")}</Link>
        </p>
      ) : null}
    </AccountFrame>
  );
}
