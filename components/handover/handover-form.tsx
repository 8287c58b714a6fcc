"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/commands/action";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { TextArea } from "@/components/field/controls";
import { createHandoverAction } from "@/app/(app)/handover/actions";

/** The business refusals of a handover (open_handover …) in the user's language; else the generic line. */
export function HandoverError({ state }: { state: ActionState }) {
  const t = useTranslations("handover.errors");
  const code = state && !state.ok ? (state.fields.id ?? state.fields._) : undefined;
  if (code && t.has(code)) return <p role="alert" className="text-sm text-red-700">{t(code)}</p>;
  return <FormStatus state={state} />;
}

/** 交班: when the shift began (prefilled) and what the next shift must know. */
export function HandoverForm({ shiftStart, max }: { shiftStart: string; max: string }) {
  const t = useTranslations("handover.form");
  const { state, pending, formProps } = useFormAction(createHandoverAction);
  const err = useFieldError(state);
  return (
    <form {...formProps} aria-label={t("title")} className="space-y-3" data-testid="handover-form">
      <Field id="ho-start" label={t("shiftStart")} hint={t("shiftStartHint")} error={err("shiftStart")}>
        <Input id="ho-start" name="shiftStart" type="datetime-local" defaultValue={shiftStart} max={max} invalid={!!err("shiftStart")} className="max-w-60" />
      </Field>
      <Field id="ho-note" label={t("note")} error={err("note")}>
        <TextArea id="ho-note" name="note" maxLength={2000} rows={4} placeholder={t("notePlaceholder")} invalid={!!err("note")} className="text-sm" />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("submitting") : t("submit")}</Button>
        {state?.ok ? <p role="status" className="text-sm text-green-700">{t("saved")}</p> : <HandoverError state={state} />}
      </div>
    </form>
  );
}
