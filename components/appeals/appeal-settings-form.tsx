"use client";

import { useTranslations } from "next-intl";
import { updateAppealSettingsAction } from "@/app/(app)/admin/settings/actions";
import type { Setting } from "@/lib/settings/commands";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

/** The appeal review period in working days (lib/settings/commands.ts). */
export function AppealSettingsForm({ setting }: { setting: Setting }) {
  const t = useTranslations("appeals");
  const { state, pending, formProps } = useFormAction(updateAppealSettingsAction);
  const err = useFieldError(state, "appeals");
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-2" data-testid="appeal-settings-form">
      <Field id="appealDeadlineDays" label={t("settings.days")} hint={t("settings.hint")} error={err("appealDeadlineDays")}>
        <input type="hidden" name="appealDeadlineDaysVersion" value={setting.version} />
        <Input id="appealDeadlineDays" name="appealDeadlineDays" defaultValue={setting.value} inputMode="numeric" className="w-32" invalid={!!err("appealDeadlineDays")} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? t("form.saving") : t("settings.save")}</Button>
        <FormStatus state={state} savedText={t("settings.saved")} namespace="appeals" shown={["appealDeadlineDays"]} />
      </div>
    </form>
  );
}
