"use client";

import { useTranslations } from "next-intl";
import { cancelOutreachAction } from "@/app/(app)/field/vulnerable/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

/** 取消走访: a campaign stops with a reason; its open tasks leave the officers' lists. */
export function CancelOutreachForm({ id }: { id: string }) {
  const t = useTranslations("vulnerable");
  const { state, pending, formProps } = useFormAction(cancelOutreachAction);
  const err = useFieldError(state, "vulnerable");
  return (
    <details className="basis-full text-sm" data-testid="outreach-cancel">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-700">{t("outreach.cancel")}</summary>
      <form {...formProps} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <div className="min-w-0 flex-1">
          <Field id={`cancel-${id}`} label={t("outreach.cancelReason")} error={err("reason")}>
            <Input id={`cancel-${id}`} name="reason" maxLength={2000} required className="min-h-11 text-base" invalid={!!err("reason")} />
          </Field>
        </div>
        <Button type="submit" variant="danger" disabled={pending} className="min-h-11">{t("outreach.cancelSubmit")}</Button>
        <FormStatus state={state} namespace="vulnerable" shown={["reason"]} />
      </form>
    </details>
  );
}
