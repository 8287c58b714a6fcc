"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { regenerateCodesAction, removeFactorAction } from "@/app/(auth)/account/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus, useFieldError } from "@/components/ui/action-form";
import { RecoveryCodes } from "@/components/auth/recovery-codes";

/** For an enrolled user: new recovery codes, and removal where the role allows it. Both need a current code. */
export function FactorManage({ canRemove }: { canRemove: boolean }) {
  const t = useTranslations("account.mfa");
  const router = useRouter();
  const [codes, regenerate, regenerating] = useActionState(regenerateCodesAction, null);
  const [removed, remove, removing] = useActionState(removeFactorAction, null);
  const codeError = useFieldError(codes, "account");
  const removeError = useFieldError(removed, "account");

  if (codes?.ok) return <RecoveryCodes codes={codes.data.recoveryCodes} onDone={() => router.refresh()} />;
  return (
    <div className="space-y-6">
      <form action={regenerate} className="space-y-2">
        <p className="text-sm text-slate-600">{t("regenerateHint")}</p>
        <Field id="regen-code" label={t("code")} error={codeError("code")}>
          <Input id="regen-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="font-mono" invalid={!!codeError("code")} />
        </Field>
        <Button type="submit" variant="secondary" disabled={regenerating}>{t("regenerate")}</Button>
        <FormStatus state={codes} />
      </form>
      {canRemove ? (
        <form action={remove} className="space-y-2 border-t border-slate-100 pt-4">
          <p className="text-sm text-slate-600">{t("removeHint")}</p>
          <Field id="remove-code" label={t("code")} error={removeError("code")}>
            <Input id="remove-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="font-mono" invalid={!!removeError("code")} />
          </Field>
          <Button type="submit" variant="danger" disabled={removing}>{t("remove")}</Button>
          <FormStatus state={removed} savedText={t("removed")} />
        </form>
      ) : (
        <p className="border-t border-slate-100 pt-4 text-sm text-slate-500">{t("removeNotAllowed")}</p>
      )}
    </div>
  );
}
