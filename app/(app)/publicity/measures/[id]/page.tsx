import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { chinaToday } from "@/lib/time/china";
import { getMeasure } from "@/lib/publicity/measures";
import { scopeUnits } from "@/lib/publicity/units";
import { Card } from "@/components/ui/card";
import { MeasureForm } from "@/components/publicity/measure-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("measures.editTitle") };
}

export default async function EditMeasurePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("publicity:write");
  const measure = await readForPage(getMeasure, actor, { id: (await params).id });
  const [units, t] = await Promise.all([scopeUnits(actor), getTranslations("publicity")]);
  return (
    <Card className="p-4 md:p-5">
      <h2 className="mb-4 text-base font-semibold">{t("measures.editTitle")}</h2>
      <MeasureForm units={units.filter((u) => u.active)} defaultUnit={measure.unitCode} today={chinaToday()} measure={measure} />
    </Card>
  );
}
