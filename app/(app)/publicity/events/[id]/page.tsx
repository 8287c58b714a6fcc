import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { chinaToday } from "@/lib/time/china";
import { getEvent } from "@/lib/publicity/events";
import { scopeUnits } from "@/lib/publicity/units";
import { Card } from "@/components/ui/card";
import { EventForm } from "@/components/publicity/event-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("events.editTitle") };
}

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("publicity:write");
  const event = await readForPage(getEvent, actor, { id: (await params).id });
  const [units, t] = await Promise.all([scopeUnits(actor), getTranslations("publicity")]);
  return (
    <Card className="p-4 md:p-5">
      <h2 className="mb-4 text-base font-semibold">{t("events.editTitle")}</h2>
      <EventForm units={units.filter((u) => u.active)} defaultUnit={event.unitCode} today={chinaToday()} event={event} />
    </Card>
  );
}
