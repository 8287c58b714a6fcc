"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CheckCircle2 } from "lucide-react";
import { OUTREACH_OUTCOMES } from "@/lib/persons/label-constants";
import { outreachOutcomeAction } from "@/app/(app)/field/vulnerable/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ChoiceGroup, TextArea } from "@/components/field/controls";
import { useFieldError } from "@/components/ui/action-form";
import { FormError, OfflineBanner, useResilientForm } from "@/components/field/resilient-form";

type Outcome = (typeof OUTREACH_OUTCOMES)[number];

/** 登记走访: the outcome in one tap and a note; phone first. */
export function OutreachForm({ id, version, closed }: { id: string; version: number; closed: { outcome: Outcome | null; note: string | null } | null }) {
  const t = useTranslations("vulnerable");
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [saved, setSaved] = useState(false);
  const { state, pending, offline, retry, formProps } = useResilientForm(outreachOutcomeAction, (s) => s.ok && setSaved(true));
  const err = useFieldError(state, "vulnerable");

  if (saved) {
    return (
      <div role="status" data-testid="outreach-saved" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4">
        <p className="flex items-center gap-2 text-lg font-semibold text-green-900"><CheckCircle2 className="size-6" aria-hidden />{t("record.done")}</p>
        <Link href="/field/vulnerable" className="inline-flex min-h-12 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-base font-medium text-white">{t("record.back")}</Link>
      </div>
    );
  }
  if (closed) {
    return (
      <div className="space-y-1 text-base">
        {closed.outcome ? <p className="font-medium">{t(`outcomes.${closed.outcome}`)}</p> : null}
        {closed.note ? <p className="text-sm break-words text-slate-600">{closed.note}</p> : null}
      </div>
    );
  }
  return (
    <form {...formProps} aria-label={t("record.title")} className="space-y-5">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <ChoiceGroup
        id="outreach-outcome" name="outcome" legend={t("record.outcome")} value={outcome ?? ""} onChange={(o) => setOutcome(o as Outcome)} error={err("outcome")}
        options={OUTREACH_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
      />
      <Field id="outreach-note" label={t("record.note")} error={err("note")}>
        <TextArea id="outreach-note" name="note" maxLength={2000} rows={3} invalid={!!err("note")} />
      </Field>
      <OfflineBanner offline={offline} pending={pending} retry={retry} />
      <div className="space-y-2">
        <Button type="submit" disabled={pending} className="min-h-12 w-full text-base">{t("record.submit")}</Button>
        <FormError state={state} />
      </div>
    </form>
  );
}
