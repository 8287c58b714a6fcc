import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requirePagePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
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
  const id = z.string().uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const event = await getEvent(actor, { id: id.data }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [units, t] = await Promise.all([scopeUnits(actor), getTranslations("publicity")]);
  return (
    <Card className="p-4 md:p-5">
      <h2 className="mb-4 text-base font-semibold">{t("events.editTitle")}</h2>
      <EventForm units={units.filter((u) => u.active)} defaultUnit={event.unitCode} today={chinaToday()} event={event} />
    </Card>
  );
}
