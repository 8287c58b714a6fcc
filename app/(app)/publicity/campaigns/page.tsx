import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { listCampaigns } from "@/lib/publicity/campaigns";
import { chinaToday } from "@/lib/time/china";
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type CampaignStatus } from "@/lib/publicity/enums";
import { campaignsQuerySchema } from "@/lib/publicity/schemas";
import { scopeUnits } from "@/lib/publicity/units";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { CampaignForm } from "@/components/publicity/campaign-form";
import { queryString } from "@/components/publicity/pager";
import { UnitOptions } from "@/components/publicity/unit-options";
import { DataTable } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("tabs.campaigns") };
}

const TONE: Record<CampaignStatus, "slate" | "green" | "amber" | "blue"> = { PLANNED: "slate", IN_PROGRESS: "blue", CERTIFIED: "green", SUSPENDED: "amber" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePagePermission("publicity:read");
  const parsed = campaignsQuerySchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : {};
  const [units, t, result] = await Promise.all([scopeUnits(actor), getTranslations("publicity"), listCampaigns(actor, q)]);
  const canWrite = can(actor, "publicity:write");
  return (
    <>
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4" aria-label={t("campaigns.byStatus")}>
        {CAMPAIGN_STATUSES.map((s) => (
          <Link key={s} href={`/publicity/campaigns${queryString({ unit: q.unit, kind: q.kind, status: s })}`} data-testid={`status-${s}`}>
            <Card className={`p-3 hover:border-brand-600 ${q.status === s ? "border-brand-600" : ""}`}>
              <p className="text-xs text-slate-500">{t(`campaignStatuses.${s}`)}</p>
              <p className="mt-1 text-2xl font-semibold tabular-nums">{result.byStatus[s]}</p>
            </Card>
          </Link>
        ))}
      </div>
      <form method="get" action="/publicity/campaigns" className="mb-4 grid grid-cols-2 items-end gap-3 md:flex md:flex-wrap">
        <div className="col-span-2 md:w-56">
          <Field id="pf-unit" label={t("common.unit")}>
            <Select id="pf-unit" name="unit" defaultValue={q.unit ?? ""}>
              <option value="">{t("common.allUnits")}</option>
              <UnitOptions units={units} />
            </Select>
          </Field>
        </div>
        <Field id="pf-kind" label={t("fields.campaignKind")}>
          <Select id="pf-kind" name="kind" defaultValue={q.kind ?? ""}>
            <option value="">{t("common.all")}</option>
            {CAMPAIGN_KINDS.map((k) => <option key={k} value={k}>{t(`campaignKinds.${k}`)}</option>)}
          </Select>
        </Field>
        <Field id="pf-status" label={t("fields.status")}>
          <Select id="pf-status" name="status" defaultValue={q.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {CAMPAIGN_STATUSES.map((s) => <option key={s} value={s}>{t(`campaignStatuses.${s}`)}</option>)}
          </Select>
        </Field>
        <Button type="submit" className="col-span-2 md:col-span-1">{t("common.apply")}</Button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={t("campaigns.empty")}>{canWrite ? t("campaigns.emptyHint") : null}</EmptyState>
      ) : (
        <DataTable
          testId="campaigns-table" frameClassName="relative mb-6"
          head={
            <>
              <th className="px-3 py-2 font-medium">{t("fields.name")}</th>
              <th className="px-3 py-2 font-medium">{t("fields.campaignKind")}</th>
              <th className="px-3 py-2 font-medium">{t("fields.status")}</th>
              <th className="px-3 py-2 font-medium">{t("fields.startedOn")}</th>
              <th className="px-3 py-2 font-medium">{t("fields.certifiedOn")}</th>
              <th className="px-3 py-2 font-medium">{t("fields.unit")}</th>
              <th className="px-3 py-2 font-medium">{t("fields.note")}</th>
              {canWrite ? <th className="px-3 py-2"><span className="sr-only">{t("common.edit")}</span></th> : null}
            </>
          }
        >
          {result.items.map((c) => (
            <tr key={c.id} data-campaign={c.id}>
              <td className="px-3 py-2">{c.name}</td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`campaignKinds.${c.kind}`)}</td>
              <td className="px-3 py-2"><Badge tone={TONE[c.status]}>{t(`campaignStatuses.${c.status}`)}</Badge></td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{c.startedOn ?? t("common.dash")}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{c.certifiedOn ?? t("common.dash")}</td>
              <td className="px-3 py-2 whitespace-nowrap">{c.unitName}</td>
              <td className="max-w-56 truncate px-3 py-2 text-slate-600" title={c.note ?? undefined}>{c.note ?? t("common.dash")}</td>
              {canWrite ? (
                <td className="px-3 py-2 text-right"><Link href={`/publicity/campaigns/${c.id}`} className="whitespace-nowrap text-brand-700 hover:underline">{t("common.edit")}</Link></td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
      {canWrite ? (
        <Card className="p-4">
          <h2 className="mb-3 text-base font-semibold">{t("campaigns.new")}</h2>
          <CampaignForm units={units.filter((u) => u.active)} defaultUnit={actor.unitCode} today={chinaToday()} />
        </Card>
      ) : null}
    </>
  );
}
