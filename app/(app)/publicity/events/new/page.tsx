import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requirePagePermission } from "@/lib/auth/guards";
import { chinaToday } from "@/lib/time/china";
import { scopeUnits } from "@/lib/publicity/units";
import { AGE_GROUPS, PROFILE_FRAUD_TYPES, targetGroupOf } from "@/lib/profiles/dimensions";
import { Card } from "@/components/ui/card";
import { EventForm, type EventPrefill } from "@/components/publicity/event-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("events.newTitle") };
}

/** The surge alert's shortcut (?fraudType=…&ageGroup=…): anything else is ignored. */
const targetSchema = z.object({ fraudType: z.enum(PROFILE_FRAUD_TYPES), ageGroup: z.enum(AGE_GROUPS) });

export default async function NewEventPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("publicity:write");
  const [units, t, tp] = await Promise.all([scopeUnits(actor), getTranslations("publicity"), getTranslations("profiles")]);
  const target = targetSchema.safeParse(await searchParams);
  let prefill: EventPrefill | undefined;
  if (target.success) {
    const vars = { type: tp(`fraudTypes.${target.data.fraudType}`), age: tp(`ages.${target.data.ageGroup}`) };
    prefill = { title: tp("outreach.title", vars).slice(0, 128), targetGroup: targetGroupOf(target.data.ageGroup), note: tp("outreach.note", vars) };
  }
  return (
    <Card className="p-4 md:p-5">
      <h2 className="text-base font-semibold">{t("events.newTitle")}</h2>
      <p className="mb-4 text-sm text-slate-500">{t("events.newSubtitle")}</p>
      <EventForm units={units.filter((u) => u.active)} defaultUnit={actor.unitCode} today={chinaToday()} prefill={prefill} />
    </Card>
  );
}
