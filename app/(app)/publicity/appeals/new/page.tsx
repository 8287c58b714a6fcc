import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { chinaToday } from "@/lib/time/china";
import { getMeasure } from "@/lib/publicity/measures";
import { readForPage } from "@/lib/commands/page";
import { Card, EmptyState } from "@/components/ui/card";
import { AppealForm } from "@/components/appeals/appeal-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appeals"))("form.title") };
}

export default async function NewAppealPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePagePermission("publicity:write");
  const [t, tp] = await Promise.all([getTranslations("appeals"), getTranslations("publicity")]);
  const { measure } = await searchParams;
  if (measure === undefined) {
    return (
      <EmptyState title={t("form.title")}>
        <Link href="/publicity/measures" className="text-brand-700 hover:underline">{t("list.emptyHint")}</Link>
      </EmptyState>
    );
  }
  // A malformed or foreign measure is the 404 page, as the API answers it.
  const m = await readForPage(getMeasure, actor, { id: measure });
  const period = m.endsOn ? `${m.startsOn} ~ ${m.endsOn}` : m.startsOn;
  return (
    <Card className="p-4 md:p-5">
      <h2 className="text-base font-semibold">{t("form.title")}</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600" data-testid="appeal-measure">
        {t("fields.measure")}：{t("form.measureSummary", { kind: tp(`measureKinds.${m.measure}`), person: m.personName, unit: m.unitName, period })}
      </p>
      <AppealForm measureId={m.id} today={chinaToday()} />
    </Card>
  );
}
