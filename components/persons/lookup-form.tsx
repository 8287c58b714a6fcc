"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FormActionProp } from "@/components/ui/action-form";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { Field, Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Hit = { id: string; identifiers: { id: string; kind: string; masked: string }[] };

/** The exact lookup of a full number: a reason is required, and the lookup is audited. */
export function LookupForm({ action }: { action: FormActionProp<{ known: boolean; person: Hit | null }> }) {
  const t = useTranslations("persons");
  const { state, pending, formProps } = useFormAction(action);
  const err = useFieldError(state);
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" data-testid="lookup-form">
      <Field id="number" label={t("lookup.number")} error={err("number")}>
        <Input id="number" name="number" inputMode="text" autoComplete="off" invalid={!!err("number")} />
      </Field>
      <Field id="reason" label={t("lookup.reason")} error={err("reason")}>
        <Input id="reason" name="reason" autoComplete="off" invalid={!!err("reason")} />
      </Field>
      <Button type="submit" disabled={pending}>{t("lookup.submit")}</Button>
      <div className="sm:col-span-3" role="status" data-testid="lookup-result">
        {state?.ok ? (
          state.data.person ? (
            <Link className="text-brand-600 hover:underline" href={`/persons/${state.data.person.id}`}>
              {t("lookup.found")} {state.data.person.identifiers.map((i) => i.masked).join(" / ")}
            </Link>
          ) : (
            <span className="text-sm text-slate-600">{state.data.known ? t("lookup.elsewhere") : t("lookup.unknown")}</span>
          )
        ) : (
          <FormStatus state={state} />
        )}
      </div>
    </form>
  );
}
