"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Eye } from "lucide-react";
import type { Result } from "@/lib/commands/action";

/**
 * Shows a masked value with a "reveal" control: asks for a reason, calls the server (which checks
 * permission and jurisdiction and audits the reveal), then shows the full value in place.
 * The full value is never in the page payload before that.
 */
export function RevealButton({
  masked, reveal,
}: {
  masked: string;
  /** A reveal command's action (callAction): the full value, or an error code. */
  reveal: (reason: string) => Promise<Result<string>>;
}) {
  const t = useTranslations("pii");
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (value) return <span className="font-mono" data-revealed>{value}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="font-mono">{masked}</span>
      <button
        type="button"
        disabled={pending}
        className="inline-flex min-h-8 items-center gap-1 rounded px-1.5 text-xs text-brand-600 hover:bg-brand-50"
        onClick={() => {
          const reason = window.prompt(t("reasonPrompt"));
          if (!reason) return;
          start(async () => {
            const r = await reveal(reason);
            if (r.ok) setValue(r.data);
            else setError(t.has(`errors.${r.code}`) ? t(`errors.${r.code}`) : t("errors.default"));
          });
        }}
      >
        <Eye className="size-3.5" aria-hidden />
        {t("reveal")}
      </button>
      {error ? <span role="alert" className="text-xs text-red-600">{error}</span> : null}
    </span>
  );
}
