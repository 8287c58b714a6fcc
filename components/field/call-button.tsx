"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { MapPin, Phone } from "lucide-react";
import { revealCustomerPhoneAction, revealVictimAction } from "@/app/(app)/field/actions";
import { cn } from "@/components/ui/cn";

type Source = { warningId: string } | { actionId: string };

const fetchPhone = (s: Source, reason: string) =>
  "warningId" in s ? revealVictimAction(s.warningId, "victimPhone", reason) : revealCustomerPhoneAction(s.actionId, reason);

/**
 * Tap to call. The full number is not in the page payload (SECURITY.md B10): the first tap asks
 * for the reason (filled with the call's purpose, to confirm or change) and the server for the
 * number (audited with that reason), and turns the button into a tel: link showing the
 * number; the second tap opens the dialer. Navigating to tel: from script instead would cancel the
 * page's in-flight requests in some browsers and reload it — losing a half-filled visit form.
 */
export function CallButton({ source, masked, className }: { source: Source; masked: string; className?: string }) {
  const t = useTranslations("field.call");
  const [phone, setPhone] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, start] = useTransition();
  const base = "inline-flex min-h-11 min-w-11 items-center justify-center gap-1.5 rounded-md px-3 text-base font-medium";
  if (phone) {
    return (
      <a href={`tel:${phone}`} data-testid="tel-link" className={cn(base, "bg-green-600 text-white", className)}>
        <Phone className="size-5" aria-hidden />
        {t("dial", { phone })}
      </a>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={t("callLabel", { phone: masked })}
        className={cn(base, "bg-green-600 text-white disabled:bg-slate-400", className)}
        onClick={() => {
          const reason = window.prompt(t("reasonPrompt"), t("warningId" in source ? "reasonVictim" : "reasonCustomer"));
          if (!reason) return;
          start(async () => {
            setFailed(false);
            const r = await fetchPhone(source, reason).catch(() => null);
            if (!r || !r.ok || !r.data) return setFailed(true);
            setPhone(r.data);
          });
        }}
      >
        <Phone className="size-5" aria-hidden />
        {pending ? t("calling") : t("call")}
      </button>
      {failed ? <span role="alert" className="text-sm text-red-700">{t("failed")}</span> : null}
    </span>
  );
}

/** The full address, revealed when the officer needs to walk there (the reason confirmed, audited). */
export function AddressReveal({ warningId, masked }: { warningId: string; masked: string | null }) {
  const t = useTranslations("field.address");
  const [full, setFull] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, start] = useTransition();
  if (!masked) return <span className="text-slate-500">{t("none")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <MapPin className="size-4 shrink-0 text-slate-500" aria-hidden />
      <span data-testid="address">{full ?? masked}</span>
      {full ? null : (
        <button
          type="button"
          disabled={pending}
          className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-brand-600 hover:bg-brand-50"
          onClick={() => {
            const reason = window.prompt(t("reasonPrompt"), t("reason"));
            if (!reason) return;
            start(async () => {
              const r = await revealVictimAction(warningId, "victimAddress", reason).catch(() => null);
              if (r?.ok) setFull(r.data);
              else setFailed(true);
            });
          }}
        >
          {t("reveal")}
        </button>
      )}
      {failed ? <span role="alert" className="text-sm text-red-700">{t("failed")}</span> : null}
    </span>
  );
}
