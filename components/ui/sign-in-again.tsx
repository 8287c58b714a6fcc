"use client";

import { useTranslations } from "next-intl";

/**
 * The way back after a session lapsed (30 minutes idle: a long home visit, a quiet night): the
 * login page in a new tab. A reload would go to the login page and lose what this page holds; a
 * form keeps what was typed and its next submit carries the new session, and the live stream
 * comes back by itself. `hint` says so under a form.
 */
export function SignInAgain({ hint = false }: { hint?: boolean }) {
  const t = useTranslations("common");
  const link = (
    <a href="/login" target="_blank" rel="noopener" data-testid="sign-in-again" className="inline-flex min-h-11 items-center font-medium underline">
      {t("signInAgain")}
    </a>
  );
  if (!hint) return link;
  return (
    <span className="mt-1 block">
      {link}
      <span className="block text-slate-600">{t("signInAgainHint")}</span>
    </span>
  );
}
