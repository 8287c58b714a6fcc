"use client";

import { useTranslations } from "next-intl";

/** Unexpected errors: a plain message and the digest to quote, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-500">{t("body", { id: error.digest ?? "-" })}</p>
      <button type="button" onClick={reset} className="mt-2 rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">
        {t("retry")}
      </button>
    </main>
  );
}
