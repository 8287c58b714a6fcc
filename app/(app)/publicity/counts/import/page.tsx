import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { ImportWizard } from "@/components/publicity/import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("import.title") };
}

export default async function ImportCountsPage() {
  await requirePagePermission("publicity:write");
  const t = await getTranslations("publicity");
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold">{t("import.title")}</h2>
          <p className="text-sm text-slate-500">{t("import.subtitle")}</p>
        </div>
        <Link href="/publicity/counts" className="text-sm text-brand-700 hover:underline">{t("common.back")}</Link>
      </div>
      <ImportWizard />
    </>
  );
}
