import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { chinaToday } from "@/lib/time/china";
import { scopeUnits } from "@/lib/publicity/units";
import { Card } from "@/components/ui/card";
import { EventForm } from "@/components/publicity/event-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("events.newTitle") };
}

export default async function NewEventPage() {
  const actor = await requirePagePermission("publicity:write");
  const [units, t] = await Promise.all([scopeUnits(actor), getTranslations("publicity")]);
  return (
    <Card className="p-4 md:p-5">
      <h2 className="text-base font-semibold">{t("events.newTitle")}</h2>
      <p className="mb-4 text-sm text-slate-500">{t("events.newSubtitle")}</p>
      <EventForm units={units.filter((u) => u.active)} defaultUnit={actor.unitCode} today={chinaToday()} />
    </Card>
  );
}
