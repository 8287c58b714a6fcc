"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CheckCircle2 } from "lucide-react";
import { FraudType } from "@/lib/generated/prisma/enums";
import { VISIT_OUTCOMES, type VisitOutcome } from "@/lib/field/constants";
import { followUpVisitAction, homeVisitAction } from "@/app/(app)/field/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { bigInput, CheckRow, ChoiceGroup, TextArea } from "@/components/field/controls";
import { useFieldError } from "@/components/ui/action-form";
import { SubmitFooter, useResilientForm } from "@/components/field/resilient-form";

type Target = { warningId: string } | { originId: string };

type Props = {
  target: Target;
  title: string;
  fraudType?: string | null;
  /** Now and today in China, from the server: "YYYY-MM-DDTHH:mm" and "YYYY-MM-DD". */
  now: string;
  today: string;
  maxFollowUp: string;
};

/** 上门劝阻 / 回访: the paper form, one thumb-sized question after another. */
export function HomeVisitForm({ target, title, fraudType, now, today, maxFollowUp }: Props) {
  const t = useTranslations("field.visit");
  const tw = useTranslations("warnings");
  const [saved, setSaved] = useState(false);
  const [outcome, setOutcome] = useState<VisitOutcome | undefined>();
  const [found, setFound] = useState<"true" | "false" | undefined>();
  const action = "warningId" in target ? homeVisitAction : followUpVisitAction;
  const form = useResilientForm(action, () => setSaved(true));
  const err = useFieldError(form.state, "field");

  if (saved) {
    return (
      <div role="status" data-testid="visit-saved" className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4">
        <p className="flex items-center gap-2 text-lg font-semibold text-green-900">
          <CheckCircle2 className="size-6" aria-hidden />
          {t("saved")}
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          <Link href="/field" className="inline-flex min-h-12 items-center justify-center rounded-md bg-brand-600 px-4 text-base font-medium text-white">
            {t("back")}
          </Link>
          <Button variant="secondary" className="min-h-12 text-base" onClick={() => { setSaved(false); setOutcome(undefined); setFound(undefined); }}>
            {t("another")}
          </Button>
        </div>
      </div>
    );
  }

  const pick = (o: string) => {
    setOutcome(o as VisitOutcome);
    if (o === "NOT_FOUND") setFound("false");
    else if (o !== "NOT_FRAUD") setFound("true");
  };

  return (
    <form {...form.formProps} aria-label={title} className="space-y-5">
      {"warningId" in target ? <input type="hidden" name="id" value={target.warningId} /> : <input type="hidden" name="id" value={target.originId} />}
      <Field id="visit-arrived" label={t("arrivedAt")} error={err("arrivedAt")}>
        <Input id="visit-arrived" name="arrivedAt" type="datetime-local" defaultValue={now} max={now} className={bigInput} invalid={!!err("arrivedAt")} />
      </Field>
      <ChoiceGroup
        id="visit-outcome" name="outcome" legend={t("outcome")} value={outcome ?? ""} onChange={pick} error={err("outcome")}
        options={VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`), hint: outcome === o ? t(`outcomeHints.${o}`) : undefined }))}
      />
      <ChoiceGroup
        id="visit-found" name="personFound" legend={t("personFound")} columns={2} value={found ?? ""} onChange={(v) => setFound(v as "true" | "false")} error={err("personFound")}
        options={[{ value: "true", label: t("yes") }, { value: "false", label: t("no") }]}
      />
      <Field id="visit-fraud" label={t("fraudType")} error={err("fraudType")}>
        <Select id="visit-fraud" name="fraudType" defaultValue={fraudType ?? ""} className={bigInput}>
          {fraudType ? null : <option value="">—</option>}
          {Object.values(FraudType).map((f) => <option key={f} value={f}>{tw(`fraudType.${f}`)}</option>)}
        </Select>
      </Field>
      <Field id="visit-amount" label={t("amount")} hint={t("amountHint")} error={err("amountProtected")}>
        <Input id="visit-amount" name="amountProtected" inputMode="decimal" placeholder="0.00" className={bigInput} invalid={!!err("amountProtected")} />
      </Field>
      <CheckRow id="visit-app" name="appRegistered" label={t("app")} hint={t("appHint")} error={err("appRegistered")} />
      <CheckRow id="visit-relatives" name="relativesContacted" label={t("relatives")} />
      <Field id="visit-followup" label={t("followUpOn")} hint={outcome === "REFUSED" ? t("followUpRequired") : t("followUpHint")} error={err("followUpOn")}>
        <Input id="visit-followup" name="followUpOn" type="date" min={today} max={maxFollowUp} className={bigInput} invalid={!!err("followUpOn")} />
      </Field>
      <Field id="visit-note" label={t("note")} error={err("note")}>
        <TextArea id="visit-note" name="note" maxLength={2000} rows={3} invalid={!!err("note")} />
      </Field>
      <SubmitFooter form={form} label={t("submit")} saving={t("saving")} />
    </form>
  );
}
