"use client";

import { useTranslations } from "next-intl";
import { updateOutboundTemplatesAction } from "@/app/(app)/admin/outbound/actions";
import type { Templates } from "@/lib/outbound/templates";
import { FRAUD_TYPE_ZH } from "@/lib/outbound/templates";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

const CHANNELS = ["SMS", "FLASH", "ROBOT_CALL"] as const;

/** The texts per channel and fraud type; fields named `<channel>.<fraudType>`, errors shown on the field they name. */
export function TemplatesForm({ templates, version }: { templates: Templates; version: number }) {
  const t = useTranslations("outbound");
  const { state, pending, formProps } = useFormAction(updateOutboundTemplatesAction);
  const err = useFieldError(state, "outbound");
  return (
    <form {...formProps} data-testid="outbound-templates-form" className="space-y-6">
      <input type="hidden" name="version" value={version} />
      {CHANNELS.map((c) => (
        <fieldset key={c} className="space-y-3">
          <legend className="mb-2 text-sm font-semibold">{t(`channel.${c}`)}</legend>
          <div className="grid gap-3 md:grid-cols-2">
            {(Object.keys(templates[c]) as (keyof Templates["SMS"])[]).map((f) => (
              <Field key={f} id={`${c}.${f}`} label={FRAUD_TYPE_ZH[f]} error={err(`${c}.${f}`)}>
                <textarea id={`${c}.${f}`} name={`${c}.${f}`} defaultValue={templates[c][f]} rows={c === "ROBOT_CALL" ? 4 : 3}
                  className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-invalid={!!err(`${c}.${f}`)} />
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("saving") : t("save")}</Button>
        <FormStatus state={state} savedText={t("saved")} namespace="outbound" />
      </div>
    </form>
  );
}
