"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createApiKeyAction } from "@/app/(app)/admin/api-keys/actions";
import { API_SCOPES } from "@/lib/auth/permissions";
import { WarningSource } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

export function CreateApiKeyForm({ units }: { units: { code: string; name: string; depth: number }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createApiKeyAction, null);
  const err = (name: string) => (state && !state.ok && state.fields[name] ? (t.has(`fieldErrors.${state.fields[name]}`) ? t(`fieldErrors.${state.fields[name]}`) : t("fieldErrors.invalid")) : undefined);
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4">
          <p className="text-sm font-medium text-green-900">{t("apiKeys.createdOnce")}</p>
          <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm select-all">{state.data.key}</code>
          {state.data.pending ? <p data-testid="approval-pending" className="mt-2 text-sm text-amber-800">{t("apiKeys.createdPending")}</p> : null}
        </div>
      ) : null}
      <form action={action} className="grid gap-4 md:grid-cols-3" noValidate>
        <Field id="key-name" label={t("apiKeys.name")} error={err("name")}>
          <Input id="key-name" name="name" required maxLength={64} invalid={!!err("name")} />
        </Field>
        <Field id="key-unit" label={t("apiKeys.unit")} error={err("unitCode")}>
          <Select id="key-unit" name="unitCode">
            {units.map((u) => <option key={u.code} value={u.code}>{"\u3000".repeat(u.depth)}{u.name}（{u.code}）</option>)}
          </Select>
        </Field>
        <Field id="key-days" label={t("apiKeys.expiresInDays")} error={err("expiresInDays")}>
          <Input id="key-days" name="expiresInDays" inputMode="numeric" placeholder="365" invalid={!!err("expiresInDays")} />
        </Field>
        <fieldset className="md:col-span-3">
          <legend className="text-sm font-medium text-slate-700">{t("apiKeys.scopes")}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {API_SCOPES.map((s, i) => (
              <label key={s} className="flex min-h-10 items-center gap-2 text-sm">
                <input type="checkbox" name={`scopes.${i}`} value={s} defaultChecked={s === "warnings:ingest"} className="size-4" />
                <span className="font-mono text-xs">{s}</span>
              </label>
            ))}
          </div>
          {err("scopes") ? <p role="alert" className="text-xs text-red-600">{err("scopes")}</p> : null}
        </fieldset>
        <fieldset className="md:col-span-3">
          <legend className="text-sm font-medium text-slate-700">{t("apiKeys.sources")}</legend>
          <p className="text-xs text-slate-500">{t("apiKeys.sourcesHint")}</p>
          <div className="mt-1 flex flex-wrap gap-4">
            {Object.values(WarningSource).map((s, i) => (
              <label key={s} className="flex min-h-10 items-center gap-2 text-sm">
                <input type="checkbox" name={`sources.${i}`} value={s} className="size-4" />
                <span>{t(`warnings.source.${s}`)}</span>
              </label>
            ))}
          </div>
          {err("sources") ? <p role="alert" className="text-xs text-red-600">{err("sources")}</p> : null}
        </fieldset>
        <div className="flex items-center gap-3 md:col-span-3">
          <Button type="submit" disabled={pending}>{t("apiKeys.create")}</Button>
          {state && !state.ok ? <p role="alert" className="text-sm text-red-700">{t(`errors.${state.code}`)}</p> : null}
        </div>
      </form>
    </div>
  );
}
