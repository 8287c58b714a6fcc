import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { getCampaign } from "@/lib/publicity/campaigns";
import { chinaToday } from "@/lib/time/china";
import { scopeUnits } from "@/lib/publicity/units";
import { Card } from "@/components/ui/card";
import { CampaignForm } from "@/components/publicity/campaign-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("campaigns.editTitle") };
}

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("publicity:write");
  const campaign = await readForPage(getCampaign, actor, { id: (await params).id });
  const [units, t] = await Promise.all([scopeUnits(actor), getTranslations("publicity")]);
  return (
    <Card className="p-4 md:p-5">
      <h2 className="mb-4 text-base font-semibold">{t("campaigns.editTitle")}</h2>
      <CampaignForm units={units.filter((u) => u.active)} defaultUnit={campaign.unitCode} today={chinaToday()} campaign={campaign} />
    </Card>
  );
}
