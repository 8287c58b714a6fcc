import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { Card, PageHeader } from "@/components/ui/card";
import { ManualWarningForm } from "@/components/warnings/manual-warning-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("warnings"))("manual.title") };
}

export default async function NewWarningPage() {
  await requirePagePermission("warnings:ingest");
  const t = await getTranslations("warnings");
  return (
    <>
      <PageHeader title={t("manual.title")} subtitle={t("manual.subtitle")} />
      <Card className="p-5">
        <ManualWarningForm />
      </Card>
    </>
  );
}
