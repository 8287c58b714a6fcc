"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The recovery codes, shown once, with the step that leaves this screen. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("account.mfa");
  return (
    <section className="space-y-3" aria-labelledby="recovery-title">
      <h2 id="recovery-title" className="text-base font-semibold text-slate-900">{t("recoveryTitle")}</h2>
      <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800">{t("recoveryIntro")}</p>
      <ol className="grid grid-cols-2 gap-2 font-mono text-base tracking-wider" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c} className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-center">{c}</li>
        ))}
      </ol>
      <Button onClick={onDone} className="w-full">{t("recoverySaved")}</Button>
    </section>
  );
}
