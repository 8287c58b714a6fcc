import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/card";
import { PublicityTabs } from "@/components/publicity/tabs";

export default async function PublicityLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("publicity:read");
  const [t, ta] = await Promise.all([getTranslations("publicity"), getTranslations("appeals")]);
  const tabs = [
    { href: "/publicity", label: t("tabs.overview") },
    { href: "/publicity/events", label: t("tabs.events") },
    { href: "/publicity/counts", label: t("tabs.counts") },
    { href: "/publicity/measures", label: t("tabs.measures") },
    { href: "/publicity/appeals", label: ta("tab") },
    { href: "/publicity/campaigns", label: t("tabs.campaigns") },
  ];
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <PublicityTabs items={tabs} label={t("tabs.label")} />
      {children}
    </>
  );
}
