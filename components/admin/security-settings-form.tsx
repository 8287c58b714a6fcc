"use client";

import { useTranslations } from "next-intl";
import { updateSecurityAction } from "@/app/(app)/admin/settings/actions";
import type { Setting } from "@/lib/settings/commands";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

/** Password lifetime and audit retention (SECURITY.md A2, E21). */
export function SecuritySettingsForm({ passwordMaxAgeDays, auditRetentionDays }: { passwordMaxAgeDays: Setting; auditRetentionDays: Setting }) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(updateSecurityAction);
  const fieldError = useFieldError(state);
  const settings = { passwordMaxAgeDays, auditRetentionDays };
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-2" data-testid="security-settings-form">
      {(Object.keys(settings) as (keyof typeof settings)[]).map((name) => (
        <Field key={name} id={name} label={t(`settings.${name}`)} hint={t(`settings.${name}Hint`)} error={fieldError(name)}>
          <input type="hidden" name={`${name}Version`} value={settings[name].version} />
          <div className="flex items-center gap-2">
            <Input id={name} name={name} defaultValue={settings[name].value} inputMode="numeric" className="w-32" invalid={!!fieldError(name)} />
            <span className="text-sm text-slate-500">{t("settings.days")}</span>
          </div>
        </Field>
      ))}
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? t("common.saving") : t("settings.saveSecurity")}</Button>
        <FormStatus state={state} savedText={t("settings.saved")} />
      </div>
    </form>
  );
}
