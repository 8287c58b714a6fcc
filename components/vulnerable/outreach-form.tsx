"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { OUTREACH_OUTCOMES } from "@/lib/persons/label-constants";
import { outreachOutcomeAction } from "@/app/(app)/field/vulnerable/actions";
import { Field } from "@/components/ui/field";
import { ChoiceGroup, TextArea } from "@/components/field/controls";
import { useFieldError } from "@/components/ui/action-form";
import { ClosedTask, SavedPanel, SubmitFooter, useResilientForm } from "@/components/field/resilient-form";

type Outcome = (typeof OUTREACH_OUTCOMES)[number];

/** 登记走访: the outcome in one tap and a note; phone first. */
export function OutreachForm({ id, version, closed }: { id: string; version: number; closed: { outcome: Outcome | null; note: string | null } | null }) {
  const t = useTranslations("vulnerable");
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [saved, setSaved] = useState(false);
  const form = useResilientForm(outreachOutcomeAction, (s) => s.ok && setSaved(true));
  const err = useFieldError(form.state, "vulnerable");

  if (saved) return <SavedPanel testId="outreach-saved" title={t("record.done")} back={t("record.back")} href="/field/vulnerable" />;
  if (closed) return <ClosedTask outcome={closed.outcome ? t(`outcomes.${closed.outcome}`) : null} note={closed.note} />;
  return (
    <form {...form.formProps} aria-label={t("record.title")} className="space-y-5">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <ChoiceGroup
        id="outreach-outcome" name="outcome" legend={t("record.outcome")} value={outcome ?? ""} onChange={(o) => setOutcome(o as Outcome)} error={err("outcome")}
        options={OUTREACH_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
      />
      <Field id="outreach-note" label={t("record.note")} error={err("note")}>
        <TextArea id="outreach-note" name="note" maxLength={2000} rows={3} invalid={!!err("note")} />
      </Field>
      <SubmitFooter form={form} label={t("record.submit")} saving={t("record.saving")} />
    </form>
  );
}
