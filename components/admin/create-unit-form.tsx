"use client";

import { useTranslations } from "next-intl";
import { createUnitAction } from "@/app/(app)/admin/units/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

export function CreateUnitForm() {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(createUnitAction);
  const fieldError = useFieldError(state);
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-3">
      <Field id="kind" label={t("units.kind")} error={fieldError("kind")}>
        <Select id="kind" name="kind" defaultValue="PRECINCT">
          {(["PRECINCT", "BRANCH", "CENTER"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`unitKinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="parentCode" label={t("units.parent")} error={fieldError("parentCode")}>
        <Input id="parentCode" name="parentCode" required maxLength={8} inputMode="numeric" invalid={!!fieldError("parentCode")} />
      </Field>
      <Field id="code" label={t("units.code")} error={fieldError("code")}>
        <Input id="code" name="code" required maxLength={8} inputMode="numeric" invalid={!!fieldError("code")} />
      </Field>
      <Field id="name" label={t("units.name")} error={fieldError("name")}>
        <Input id="name" name="name" required maxLength={64} invalid={!!fieldError("name")} />
      </Field>
      <Field id="population" label={t("units.population")} error={fieldError("population")}>
        <Input id="population" name="population" inputMode="numeric" invalid={!!fieldError("population")} />
      </Field>
      <Field id="addressKeywords" label={t("units.keywords")} hint={t("units.keywordsHint")} error={fieldError("addressKeywords")}>
        <Input id="addressKeywords" name="addressKeywords" invalid={!!fieldError("addressKeywords")} />
      </Field>
      <div className="flex items-center gap-3 md:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("units.new")}
        </Button>
        <FormStatus state={state} savedText={t("units.created")} />
      </div>
    </form>
  );
}
