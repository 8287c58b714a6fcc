"use client";

import { useTranslations } from "next-intl";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { OneTimePassword } from "@/components/admin/one-time-password";
import { ROLES } from "@/lib/auth/permissions";
import { GRANTABLE } from "@/lib/auth/permissions";
import type { CreatedUser } from "@/lib/users/commands";

export function CreateUserForm({ units }: { units: { code: string; name: string; depth: number }[] }) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(createUserAction);
  const fieldError = useFieldError(state);
  const created = state?.ok ? (state.data as CreatedUser) : null;

  return (
    <div className="space-y-4">
      {created ? <OneTimePassword intro={t("users.createdOnce", { username: created.username })} password={created.password} pending={created.pending} /> : null}
      <form {...formProps} className="grid gap-4 md:grid-cols-3" data-testid="create-user">
        <Field id="username" label={t("users.username")} error={fieldError("username")}>
          <Input id="username" name="username" required maxLength={32} invalid={!!fieldError("username")} />
        </Field>
        <Field id="displayName" label={t("users.displayName")} error={fieldError("displayName")}>
          <Input id="displayName" name="displayName" required maxLength={64} invalid={!!fieldError("displayName")} />
        </Field>
        <Field id="role" label={t("users.role")} error={fieldError("role")}>
          <Select id="role" name="role" defaultValue="OFFICER">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="unitCode" label={t("users.unit")} error={fieldError("unitCode")}>
          <Select id="unitCode" name="unitCode" invalid={!!fieldError("unitCode")}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {"\u3000".repeat(u.depth)}
                {u.name}（{u.code}）
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">{t("users.grants")}</legend>
          {GRANTABLE.map((g, i) => (
            <label key={g} className="flex min-h-8 items-center gap-2 text-sm">
              <input type="checkbox" name={`grants.${i}`} value={g} className="size-4" />
              {t(`grants.${g}`)}
            </label>
          ))}
        </fieldset>
        <p className="text-xs text-slate-500 md:col-span-3">{t("users.oneTimeHint")}</p>
        <div className="flex items-center gap-3 md:col-span-3">
          <Button type="submit" disabled={pending}>
            {pending ? t("common.saving") : t("users.new")}
          </Button>
          <FormStatus state={state} />
        </div>
      </form>
    </div>
  );
}
