"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { cn } from "@/components/ui/cn";

type Action = Parameters<typeof useFormAction>[0];

export type FieldSpec = {
  name: string;
  label: string;
  type?: "text" | "number" | "datetime-local" | "date" | "select" | "textarea";
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  defaultValue?: string;
  placeholder?: string;
  inputMode?: "decimal" | "numeric" | "tel" | "text";
  wide?: boolean;
};

/** A record form described as data: labelled fields with their errors, hidden ids, one submit. */
export function RecordForm({
  action, hidden, fields, submit, saved, testId,
}: { action: Action; hidden: Record<string, string | number>; fields: FieldSpec[]; submit: string; saved: string; testId?: string }) {
  const t = useTranslations("cases.form");
  const { state, pending, formProps } = useFormAction(action);
  const fieldError = useFieldError(state, "cases");
  const { ref } = formProps;
  // Saved: fold the form away again (the record now shows in the list above it).
  useEffect(() => {
    if (state?.ok) ref.current?.closest("details")?.removeAttribute("open");
  }, [state, ref]);
  const prefix = `${testId ?? "f"}-${Object.values(hidden).join("-")}`.replace(/[^\w-]/g, "");
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid={testId}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => {
        const id = `${prefix}-${f.name}`;
        const error = fieldError(f.name);
        return (
          <div key={f.name} className={cn(f.wide && "sm:col-span-2 lg:col-span-3")}>
            <Field id={id} label={f.label} hint={f.hint} error={error}>
              {f.type === "select" ? (
                <Select id={id} name={f.name} defaultValue={f.defaultValue ?? ""} invalid={!!error}>
                  {f.required ? null : <option value="">{t("choose")}</option>}
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              ) : f.type === "textarea" ? (
                <textarea
                  id={id} name={f.name} defaultValue={f.defaultValue} placeholder={f.placeholder} rows={3} aria-invalid={!!error || undefined}
                  className={cn("block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm", error ? "border-red-500" : "border-slate-300")}
                />
              ) : (
                <Input id={id} name={f.name} type={f.type ?? "text"} defaultValue={f.defaultValue} placeholder={f.placeholder} inputMode={f.inputMode} invalid={!!error} />
              )}
            </Field>
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={pending} className="min-h-11">
          {pending ? t("saving") : submit}
        </Button>
        <FormStatus state={state} savedText={saved} namespace="cases" shown={fields.map((f) => f.name)} />
      </div>
    </form>
  );
}
