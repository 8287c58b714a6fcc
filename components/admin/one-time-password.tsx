"use client";

import { useTranslations } from "next-intl";

/** A password the server chose, shown once: to be handed over, never stored in the browser. */
export function OneTimePassword({ intro, password, pending }: { intro: string; password: string; pending: boolean }) {
  const t = useTranslations();
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4">
      <p className="text-sm font-medium text-green-900">{intro}</p>
      <code data-testid="one-time-password" className="mt-2 block break-all rounded bg-white p-2 font-mono text-base select-all">
        {password}
      </code>
      {pending ? (
        <p data-testid="approval-pending" className="mt-2 text-sm text-amber-800">
          {t("users.createdPending")}
        </p>
      ) : null}
    </div>
  );
}
