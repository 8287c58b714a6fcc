"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/(auth)/account/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus, useFormAction, useFieldError } from "@/components/ui/action-form";

/** Current, new and repeated password. After a change the home page decides what comes next. */
export function PasswordChangeForm() {
  const t = useTranslations("account.password");
  const router = useRouter();
  const { state, pending, formProps } = useFormAction(changePasswordAction, (s) => {
    if (s?.ok) {
      router.replace("/");
      router.refresh();
    }
  });
  const fieldError = useFieldError(state, "account");
  return (
    <form {...formProps} className="space-y-4">
      <Field id="current" label={t("current")} error={fieldError("current")}>
        <Input id="current" name="current" type="password" autoComplete="current-password" required maxLength={128} invalid={!!fieldError("current")} />
      </Field>
      <Field id="next" label={t("next")} hint={t("hint")} error={fieldError("next")}>
        <Input id="next" name="next" type="password" autoComplete="new-password" required maxLength={128} invalid={!!fieldError("next")} />
      </Field>
      <Field id="confirm" label={t("confirm")} error={fieldError("confirm")}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required maxLength={128} invalid={!!fieldError("confirm")} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
        <FormStatus state={state} savedText={t("done")} />
      </div>
    </form>
  );
}
