"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { APP_FOLLOWUP_OUTCOMES, type AppFollowUpOutcomeCode } from "@/lib/appfollowups/constants";
import { appFollowUpOutcomeAction } from "@/app/(app)/field/actions";
import { Field } from "@/components/ui/field";
import { ChoiceGroup, TextArea } from "@/components/field/controls";
import { useFieldError } from "@/components/ui/action-form";
import { ClosedTask, SavedPanel, SubmitFooter, useResilientForm } from "@/components/field/resilient-form";

type Props = {
  id: string;
  version: number;
  /** A follow-up already done: what it came to (shown instead of the form). */
  closed: { outcome: AppFollowUpOutcomeCode | null; note: string | null; atVisit: boolean } | null;
};

/** APP回访登记: installed / refused / unreachable in one tap, and a note. */
export function AppFollowUpForm({ id, version, closed }: Props) {
  const t = useTranslations("appfollowups");
  const [outcome, setOutcome] = useState<AppFollowUpOutcomeCode | undefined>();
  const [saved, setSaved] = useState(false);
  const form = useResilientForm(appFollowUpOutcomeAction, (s) => s.ok && setSaved(true));
  const err = useFieldError(form.state, "appfollowups");

  if (saved) return <SavedPanel testId="app-followup-saved" title={t("saved")} back={t("back")} href="/field" />;
  if (closed) return <ClosedTask heading={t("notOpen")} outcome={closed.outcome ? (closed.atVisit ? t("atVisit") : t(`outcomes.${closed.outcome}`)) : null} note={closed.note} />;

  return (
    <form {...form.formProps} aria-label={t("recordTitle")} className="space-y-5">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <ChoiceGroup
        id="app-outcome" name="outcome" legend={t("outcome")} value={outcome ?? ""} onChange={(o) => setOutcome(o as AppFollowUpOutcomeCode)} error={err("outcome")}
        options={APP_FOLLOWUP_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`), hint: outcome === o ? t(`outcomeHints.${o}`) : undefined }))}
      />
      <Field id="app-note" label={t("note")} error={err("note")}>
        <TextArea id="app-note" name="note" maxLength={2000} rows={3} invalid={!!err("note")} />
      </Field>
      <SubmitFooter form={form} label={t("submit")} saving={t("saving")} />
    </form>
  );
}
