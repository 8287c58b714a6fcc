"use client";

import { useActionState, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { confirmTotpAction, startTotpAction } from "@/app/(auth)/account/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus, useFieldError } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/commands/action";
import { RecoveryCodes } from "@/components/auth/recovery-codes";

/** Enrolment: start (secret and QR from the server) → confirm with a code → recovery codes once. */
export function TotpEnroll({ next }: { next: string }) {
  const t = useTranslations("account.mfa");
  const router = useRouter();
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [startState, setStartState] = useState<ActionState<{ secret: string; qr: string }>>(null);
  const [starting, startTransition] = useTransition();
  const [state, confirm, confirming] = useActionState(confirmTotpAction, null);
  const fieldError = useFieldError(state, "account");

  if (state?.ok) {
    return (
      <RecoveryCodes
        codes={state.data.recoveryCodes}
        onDone={() => {
          router.replace(next);
          router.refresh();
        }}
      />
    );
  }
  if (!setup) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <Button
          disabled={starting}
          onClick={() =>
            startTransition(async () => {
              const r = await startTotpAction();
              setStartState(r);
              if (r?.ok) setSetup(r.data);
            })
          }
        >
          {t("start")}
        </Button>
        <FormStatus state={startState} />
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-800">{t("scan")}</h2>
        {/* A data: URL rendered on our server; next/image would add nothing here. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={setup.qr} alt={t("qrAlt")} width={200} height={200} className="rounded border border-slate-200" data-testid="totp-qr" />
        <p className="text-xs text-slate-500">{t("manual")}</p>
        <code className="block break-all rounded bg-slate-100 px-3 py-2 font-mono text-sm tracking-wider" data-testid="totp-secret">
          {setup.secret.match(/.{1,4}/g)?.join(" ")}
        </code>
      </section>
      <form action={confirm} className="space-y-3">
        <h2 className="text-sm font-semibold text-slate-800">{t("enterCode")}</h2>
        <Field id="code" label={t("code")} error={fieldError("code")}>
          <Input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={6} pattern="\d{6}" className="font-mono text-lg tracking-widest" invalid={!!fieldError("code")} />
        </Field>
        <Button type="submit" disabled={confirming}>{t("confirm")}</Button>
        <FormStatus state={state} />
      </form>
    </div>
  );
}
