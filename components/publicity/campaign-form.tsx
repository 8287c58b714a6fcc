"use client";

import { useTranslations } from "next-intl";
import { createCampaignAction, updateCampaignAction } from "@/app/(app)/publicity/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { UnitOptions, type UnitOption } from "@/components/publicity/unit-options";
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from "@/lib/publicity/enums";
import type { CampaignDto } from "@/lib/publicity/campaigns";

export function CampaignForm({ units, defaultUnit, today, campaign }: { units: UnitOption[]; defaultUnit: string; today: string; campaign?: CampaignDto }) {
  const t = useTranslations("publicity");
  const { state, pending, formProps } = useFormAction<unknown>(campaign ? updateCampaignAction : createCampaignAction);
  const err = useFieldError(state, "publicity");
  const req = (label: string) => `${label} *`;
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-3" data-testid="campaign-form">
      {campaign ? (
        <>
          <input type="hidden" name="id" value={campaign.id} />
          <input type="hidden" name="version" value={campaign.version} />
        </>
      ) : null}
      <div className="md:col-span-2">
        <Field id="name" label={req(t("fields.name"))} error={err("name")}>
          <Input id="name" name="name" maxLength={128} defaultValue={campaign?.name} invalid={!!err("name")} className="min-h-11" />
        </Field>
      </div>
      <Field id="kind" label={req(t("fields.campaignKind"))} error={err("kind")}>
        <Select id="kind" name="kind" defaultValue={campaign?.kind ?? ""} invalid={!!err("kind")} className="min-h-11">
          <option value="" disabled>—</option>
          {CAMPAIGN_KINDS.map((k) => <option key={k} value={k}>{t(`campaignKinds.${k}`)}</option>)}
        </Select>
      </Field>
      <Field id="c-unitCode" label={req(t("fields.unit"))} error={err("unitCode")}>
        <Select id="c-unitCode" name="unitCode" defaultValue={campaign?.unitCode ?? defaultUnit} className="min-h-11">
          <UnitOptions units={units} />
        </Select>
      </Field>
      <Field id="status" label={req(t("fields.status"))} error={err("status")}>
        <Select id="status" name="status" defaultValue={campaign?.status ?? "PLANNED"} className="min-h-11">
          {CAMPAIGN_STATUSES.map((s) => <option key={s} value={s}>{t(`campaignStatuses.${s}`)}</option>)}
        </Select>
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field id="startedOn" label={t("fields.startedOn")} error={err("startedOn")}>
          <Input id="startedOn" name="startedOn" type="date" max={today} defaultValue={campaign?.startedOn ?? ""} invalid={!!err("startedOn")} className="min-h-11" />
        </Field>
        <Field id="certifiedOn" label={t("fields.certifiedOn")} error={err("certifiedOn")}>
          <Input id="certifiedOn" name="certifiedOn" type="date" max={today} defaultValue={campaign?.certifiedOn ?? ""} invalid={!!err("certifiedOn")} className="min-h-11" />
        </Field>
      </div>
      <div className="md:col-span-3">
        <Field id="c-note" label={t("fields.note")} error={err("note")}>
          <Input id="c-note" name="note" maxLength={2000} defaultValue={campaign?.note ?? ""} className="min-h-11" />
        </Field>
      </div>
      <div className="flex flex-col gap-3 md:col-span-3 md:flex-row md:items-center">
        <Button type="submit" disabled={pending} className="min-h-11">{pending ? t("common.saving") : campaign ? t("common.save") : t("campaigns.new")}</Button>
        <FormStatus state={state} savedText={campaign ? undefined : t("campaigns.saved")} />
      </div>
    </form>
  );
}
