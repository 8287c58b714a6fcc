import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { canConfigure, getSettings } from "@/lib/settings/commands";
import { Card, PageHeader } from "@/components/ui/card";
import { SlaForm } from "@/components/admin/sla-form";
import { SecuritySettingsForm } from "@/components/admin/security-settings-form";
import { RevisitSettingsForm } from "@/components/admin/revisit-settings-form";
import { AppealSettingsForm } from "@/components/appeals/appeal-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const actor = await requirePagePermission("config:manage");
  if (!canConfigure(actor)) notFound();
  const [settings, t, tr, ta] = await Promise.all([
    getSettings(actor), getTranslations("settings"), getTranslations("revisits.settings"), getTranslations("appeals"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card className="mb-6 p-5">
        <h2 className="text-base font-semibold">{t("slaTitle")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{t("slaHint")}</p>
        <SlaForm rows={settings.sla} />
      </Card>
      <Card className="p-5">
        <h2 className="mb-4 text-base font-semibold">{t("securityTitle")}</h2>
        <SecuritySettingsForm passwordMaxAgeDays={settings.passwordMaxAgeDays} auditRetentionDays={settings.auditRetentionDays} />
      </Card>
      <Card className="mt-6 p-5">
        <h2 className="mb-4 text-base font-semibold">{tr("title")}</h2>
        <RevisitSettingsForm days={settings.revisitDays.value} version={settings.revisitDays.version} />
      </Card>
      <Card className="mt-6 p-5">
        <h2 className="mb-4 text-base font-semibold">{ta("settings.title")}</h2>
        <AppealSettingsForm setting={settings.appealDeadlineDays} />
      </Card>
    </>
  );
}
