import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { canConfigure } from "@/lib/settings/commands";
import { simulatorInbox } from "@/lib/outbound/simulator-inbox";
import { isPersonChannel } from "@/lib/outbound/templates";
import { Card, PageHeader } from "@/components/ui/card";
import { SimulatorFeedbackTable, SimulatorMessagesTable } from "@/components/outbound/simulator-inbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbound"))("simulator.title") };
}

/** What the gateway simulator received, from its own store (its HTTP interface): the demo's victim phone, bank and platform. */
export default async function SimulatorInboxPage() {
  const actor = await requirePagePermission("config:manage");
  if (!canConfigure(actor)) notFound();
  const [inbox, t] = await Promise.all([simulatorInbox(actor), getTranslations("outbound")]);
  const person = inbox.messages.filter((m) => isPersonChannel(m.channel));
  const partner = inbox.messages.filter((m) => !isPersonChannel(m.channel));
  return (
    <>
      <PageHeader title={t("simulator.title")} subtitle={t("simulator.subtitle")} />
      <p className="mb-4 text-sm">
        <Link href="/admin/outbound" className="text-brand-600 hover:underline">← {t("title")}</Link>
        {inbox.url ? <span className="ml-3 font-mono text-xs text-slate-500">{inbox.url}</span> : null}
      </p>
      {inbox.state !== "ok" ? (
        <Card className="p-5" data-testid="simulator-state"><p className="text-sm text-amber-700">{t(`simulator.state.${inbox.state}`)}</p></Card>
      ) : (
        <>
          <Card className="mb-6 p-5">
            <h2 className="text-base font-semibold">{t("simulator.personTitle")}</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{t("simulator.personHint")}</p>
            <SimulatorMessagesTable rows={person} testId="simulator-person" />
          </Card>
          <Card className="mb-6 p-5">
            <h2 className="text-base font-semibold">{t("simulator.partnerTitle")}</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{t("simulator.partnerHint")}</p>
            <SimulatorMessagesTable rows={partner} testId="simulator-partner" />
          </Card>
          <Card className="p-5">
            <h2 className="text-base font-semibold">{t("simulator.feedbackTitle")}</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{t("simulator.feedbackHint")}</p>
            <SimulatorFeedbackTable rows={inbox.feedback} />
          </Card>
        </>
      )}
    </>
  );
}
