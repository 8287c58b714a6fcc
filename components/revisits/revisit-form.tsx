"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { REVISIT_OUTCOMES, MAX_RESCHEDULE_DAYS, type RevisitOutcomeCode } from "@/lib/revisits/constants";
import type { RevisitOutcomeResult } from "@/lib/revisits/record-outcome";
import { revisitOutcomeAction } from "@/app/(app)/field/actions";
import { Field, Input } from "@/components/ui/field";
import { bigInput, ChoiceGroup, TextArea } from "@/components/field/controls";
import { useFieldError } from "@/components/ui/action-form";
import { ClosedTask, SavedPanel, SubmitFooter, useResilientForm } from "@/components/field/resilient-form";

type Props = {
  id: string;
  version: number;
  /** A revisit already done or cancelled: what it came to (shown instead of the form). */
  closed: { outcome: RevisitOutcomeCode | null; note: string | null } | null;
  /** The first and last day a next attempt may be set for ("YYYY-MM-DD", China). */
  minReschedule: string;
  maxReschedule: string;
};

/** 回访登记: the outcome in one tap, a note, and for a person not reached the next attempt's day. */
export function RevisitForm({ id, version, closed, minReschedule, maxReschedule }: Props) {
  const t = useTranslations("revisits");
  const [outcome, setOutcome] = useState<RevisitOutcomeCode | undefined>();
  const [saved, setSaved] = useState<RevisitOutcomeResult | null>(null);
  const form = useResilientForm(revisitOutcomeAction, (s) => s.ok && setSaved(s.data));
  const err = useFieldError(form.state, "revisits");

  if (saved) {
    return (
      <SavedPanel testId="revisit-saved" title={t("saved")} back={t("back")} href="/field">
        {saved.outcome === "DEFRAUDED" ? <p className="text-base text-green-900" data-testid="revisit-case">{t("savedCase")}</p> : null}
        {saved.next ? <p className="text-base text-green-900">{t("savedNext", { date: saved.next.dueOn })}</p> : null}
      </SavedPanel>
    );
  }
  // After a save the page refreshes with the revisit closed; this component stays mounted (same
  // place in the tree), so the confirmation above outlives the refresh.
  if (closed) return <ClosedTask heading={t("notOpen")} outcome={closed.outcome ? t(`outcomes.${closed.outcome}`) : null} note={closed.note} />;

  return (
    <form {...form.formProps} aria-label={t("recordTitle")} className="space-y-5">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <ChoiceGroup
        id="revisit-outcome" name="outcome" legend={t("outcome")} value={outcome ?? ""} onChange={(o) => setOutcome(o as RevisitOutcomeCode)} error={err("outcome")}
        options={REVISIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`), hint: outcome === o ? t(`outcomeHints.${o}`) : undefined }))}
      />
      {outcome === "TEMP_UNREACHABLE" ? (
        <Field id="revisit-reschedule" label={t("rescheduleOn")} hint={t("rescheduleHint", { days: MAX_RESCHEDULE_DAYS })} error={err("rescheduleOn")}>
          <Input id="revisit-reschedule" name="rescheduleOn" type="date" min={minReschedule} max={maxReschedule} className={bigInput} invalid={!!err("rescheduleOn")} />
        </Field>
      ) : null}
      <Field id="revisit-note" label={t("note")} error={err("note")}>
        <TextArea id="revisit-note" name="note" maxLength={2000} rows={3} invalid={!!err("note")} />
      </Field>
      <SubmitFooter form={form} label={t("submit")} saving={t("saving")} namespace="revisits" />
    </form>
  );
}
