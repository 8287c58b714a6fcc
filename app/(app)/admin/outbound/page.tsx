import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { canConfigure } from "@/lib/settings/commands";
import { outboundAdminView } from "@/lib/outbound/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { OutboundMessagesTable } from "@/components/outbound/messages-table";
import { FeedbackTallyTable } from "@/components/outbound/feedback-tally";
import { LadderForm } from "@/components/outbound/ladder-form";
import { TemplatesForm } from "@/components/outbound/templates-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbound"))("title") };
}

export default async function OutboundPage() {
  const actor = await requirePagePermission("config:manage");
  if (!canConfigure(actor)) notFound();
  const [view, t] = await Promise.all([outboundAdminView(actor), getTranslations("outbound")]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <p className="mb-4 text-sm"><Link href="/admin/outbound/simulator" className="text-brand-600 hover:underline" data-testid="simulator-link">{t("simulatorLink")} →</Link></p>
      <Card className="mb-6 p-5" data-testid="feedback-tally-card">
        <h2 className="text-base font-semibold">{t("feedbackTally.title")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{t("feedbackTally.hint", { minutes: view.feedback.deadlineMinutes })}</p>
        <FeedbackTallyTable tally={view.feedback.bySource} />
      </Card>
      <Card className="mb-6 p-5">
        <h2 className="text-base font-semibold">{t("messagesTitle")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          {t("messagesHint")} · {Object.entries(view.counts).map(([s, n]) => `${t(`status.${s as "SENT"}`)} ${n}`).join(" · ")}
        </p>
        <OutboundMessagesTable rows={view.messages} />
      </Card>
      <Card className="mb-6 p-5">
        <h2 className="text-base font-semibold">{t("ladderTitle")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{t("ladderHint")}</p>
        <LadderForm ladder={view.ladder} version={view.ladderVersion} />
      </Card>
      <Card className="p-5">
        <h2 className="text-base font-semibold">{t("templatesTitle")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{t("templatesHint")}</p>
        <TemplatesForm templates={view.templates} version={view.templatesVersion} />
      </Card>
    </>
  );
}
