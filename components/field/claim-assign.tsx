"use client";

import { useTranslations } from "next-intl";
import { claimAction, assignAction } from "@/app/(app)/field/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormError, OfflineBanner, useResilientForm } from "@/components/field/resilient-form";

/** 认领 (or 签收并认领 for a warning nobody has signed for). */
export function ClaimButton({ id, version, pendingAck, className }: { id: string; version: number; pendingAck: boolean; className?: string }) {
  const t = useTranslations("field.claim");
  const { state, pending, offline, retry, formProps } = useResilientForm(claimAction);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" disabled={pending} className={className ?? "min-h-11 w-full text-base"}>
        {pendingAck ? t("ack") : t("claim")}
      </Button>
      <OfflineBanner offline={offline} pending={pending} retry={retry} />
      <FormError state={state} />
    </form>
  );
}

/** A dispatcher or senior officer gives the warning to a named officer of its precinct. */
export function AssignForm({ id, version, officers, current }: { id: string; version: number; officers: { id: string; displayName: string }[]; current: string | null }) {
  const t = useTranslations("field.assign");
  const { state, pending, offline, retry, formProps } = useResilientForm(assignAction);
  if (officers.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="assign-user" className="block text-sm font-medium text-slate-700">{t("label")}</label>
      <div className="flex gap-2">
        <Select id="assign-user" name="userId" defaultValue={current ?? officers[0]!.id} className="min-h-11 text-base">
          {officers.map((o) => <option key={o.id} value={o.id}>{o.displayName}</option>)}
        </Select>
        <Button type="submit" disabled={pending} className="min-h-11 shrink-0 text-base">{t("submit")}</Button>
      </div>
      {state?.ok ? <p role="status" className="text-sm text-green-700">{t("done")}</p> : null}
      <OfflineBanner offline={offline} pending={pending} retry={retry} />
      <FormError state={state} />
    </form>
  );
}
