"use client";

import { useTranslations } from "next-intl";
import { updateRevisitsAction } from "@/app/(app)/admin/settings/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

/** The revisit intervals (回访, days after a dissuasion). */
export function RevisitSettingsForm({ days, version }: { days: number[]; version: number }) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(updateRevisitsAction);
  const fieldError = useFieldError(state, "revisits");
  const error = fieldError("revisitDays") ?? [0, 1, 2, 3, 4].map((i) => fieldError(`revisitDays.${i}`)).find(Boolean);
  return (
    <form {...formProps} className="grid gap-4" data-testid="revisit-settings-form">
      <input type="hidden" name="revisitDaysVersion" value={version} />
      <Field id="revisitDays" label={t("revisits.settings.label")} hint={t("revisits.settings.hint")} error={error}>
        <Input id="revisitDays" name="revisitDays" defaultValue={days.join(", ")} className="w-48" invalid={!!error} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("common.saving") : t("revisits.settings.save")}</Button>
        <FormStatus state={state} savedText={t("settings.saved")} />
      </div>
    </form>
  );
}
