import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/card";
import { IntakeForm } from "@/components/cases/intake-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("intake.title") };
}

export default async function NewCasePage() {
  await requirePagePermission("cases:write");
  const t = await getTranslations("cases");
  return (
    <>
      <Link href="/cases" className="inline-flex min-h-10 items-center text-sm text-brand-600 hover:underline">← {t("backToList")}</Link>
      <PageHeader title={t("intake.title")} subtitle={t("intake.subtitle")} />
      <IntakeForm />
    </>
  );
}
