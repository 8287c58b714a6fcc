import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { chinaToday } from "@/lib/time/china";
import { getMeasure } from "@/lib/publicity/measures";
import { scopeUnits } from "@/lib/publicity/units";
import { Card } from "@/components/ui/card";
import { MeasureForm } from "@/components/publicity/measure-form";
import { AppealsTable } from "@/components/appeals/appeals-table";
import { listAppeals } from "@/lib/appeals/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("measures.editTitle") };
}

export default async function EditMeasurePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("publicity:write");
  const measure = await readForPage(getMeasure, actor, { id: (await params).id });
  const [units, t, ta, appeals] = await Promise.all([
    scopeUnits(actor), getTranslations("publicity"), getTranslations("appeals"), listAppeals(actor, { measureId: measure.id }),
  ]);
  return (
    <>
      <Card className="p-4 md:p-5">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("measures.editTitle")}</h2>
          <span data-testid="measure-state" data-state={measure.state} className="text-sm">
            {t(`measureStates.${measure.state}`)}
            {measure.revokedOn ? <span className="ml-1 text-red-700">（{ta("measure.revokedOn", { day: measure.revokedOn })}）</span> : null}
          </span>
        </div>
        {/* Revoked on appeal, the measure is as decided: no form (updateMeasure refuses it too). */}
        {measure.revokedOn ? <p className="text-sm text-slate-600" data-testid="measure-read-only">{t("measures.revokedReadOnly")}</p>
          : <MeasureForm units={units.filter((u) => u.active)} defaultUnit={measure.unitCode} today={chinaToday()} measure={measure} />}
      </Card>
      <Card className="mt-4 p-4 md:p-5" data-testid="measure-appeals">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{ta("measure.section")}</h2>
          {measure.state !== "revoked" && appeals.counts.open === 0 ? (
            <Link href={`/publicity/appeals/new?measure=${measure.id}`} data-testid="appeal-button"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">{ta("measure.appeal")}</Link>
          ) : null}
        </div>
        {appeals.total === 0 ? <p className="text-sm text-slate-500">{ta("measure.none")}</p> : <AppealsTable items={appeals.items} canOpen testId="measure-appeals-table" />}
      </Card>
    </>
  );
}
