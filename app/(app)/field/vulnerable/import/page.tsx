import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { Card } from "@/components/ui/card";
import { LabelImport } from "@/components/vulnerable/label-import";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vulnerable"))("import.title") };
}

/** 导入社区重点人群名单: preview, then import. */
export default async function LabelImportPage() {
  await requirePagePermission("persons:label");
  const t = await getTranslations("vulnerable");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/field/vulnerable" className="inline-flex min-h-11 items-center text-base text-brand-600">← {t("title")}</Link>
      <h1 className="text-lg font-semibold">{t("import.title")}</h1>
      <Card className="p-4"><LabelImport /></Card>
    </div>
  );
}
