"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CheckCircle2 } from "lucide-react";
import { APP_FOLLOWUP_OUTCOMES, type AppFollowUpOutcomeCode } from "@/lib/appfollowups/constants";
import { appFollowUpOutcomeAction } from "@/app/(app)/field/actions";
import { Field } from "@/components/ui/field";
import { ChoiceGroup, TextArea } from "@/components/field/controls";
import { useFieldError } from "@/components/ui/action-form";
import { SubmitFooter, useResilientForm } from "@/components/field/resilient-form";

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

  if (saved) {
    return (
      <div role="status" data-testid="app-followup-saved" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4">
        <p className="flex items-center gap-2 text-lg font-semibold text-green-900">
          <CheckCircle2 className="size-6" aria-hidden />
          {t("saved")}
        </p>
        <Link href="/field" className="inline-flex min-h-12 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-base font-medium text-white">
          {t("back")}
        </Link>
      </div>
    );
  }

  if (closed) {
    return (
      <div className="space-y-1 text-base">
        <p>{t("notOpen")}</p>
        {closed.outcome ? <p className="font-medium">{closed.atVisit ? t("atVisit") : t(`outcomes.${closed.outcome}`)}</p> : null}
        {closed.note ? <p className="text-sm break-words text-slate-600">{closed.note}</p> : null}
      </div>
    );
  }

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
