import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { chinaToday } from "@/lib/time/china";
import { scopeUnits } from "@/lib/publicity/units";
import { Card } from "@/components/ui/card";
import { MeasureForm } from "@/components/publicity/measure-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("measures.newTitle") };
}

export default async function NewMeasurePage() {
  const actor = await requirePagePermission("publicity:write");
  const [units, t] = await Promise.all([scopeUnits(actor), getTranslations("publicity")]);
  return (
    <Card className="p-4 md:p-5">
      <h2 className="mb-4 text-base font-semibold">{t("measures.newTitle")}</h2>
      <MeasureForm units={units.filter((u) => u.active)} defaultUnit={actor.unitCode} today={chinaToday()} />
    </Card>
  );
}
