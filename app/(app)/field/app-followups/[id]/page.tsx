import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireFieldPage } from "@/lib/field/guard";
import { readForPage } from "@/lib/commands/page";
import { getAppFollowUp } from "@/lib/appfollowups/queries";
import { Badge, Card } from "@/components/ui/card";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { CallButton } from "@/components/field/call-button";
import { AppFollowUpForm } from "@/components/appfollowups/app-followup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appfollowups"))("recordTitle") };
}

/** APP回访登记: one person to help install the 国家反诈中心APP, phone first. */
export default async function AppFollowUpPage({ params }: { params: Promise<{ id: string }> }) {
  // Officers and dispatchers (the read scopes the record to the units they work).
  const actor = await requireFieldPage();
  const f = await readForPage(getAppFollowUp, actor, { id: (await params).id });
  const [t, tw, tf, tp, format] = await Promise.all([getTranslations("appfollowups"), getTranslations("warnings"), getTranslations("field"), getTranslations("persons"), getFormatter()]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/field" className="inline-flex min-h-11 items-center text-base text-brand-600">← {tf("title")}</Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-lg font-semibold">{t("recordTitle")}</h1>
        <Badge tone={f.status === "DONE" ? "green" : "amber"}>{t(`status.${f.status}`)}</Badge>
      </div>
      <Card className="space-y-2 p-4 text-base">
        <p className="text-sm text-slate-500">{t("person")}</p>
        <p className="flex flex-wrap items-center gap-2"><RiskBadge risk={f.riskLevel} /> {tw(`fraudType.${f.fraudType}`)} <span className="text-slate-700">{f.personName ?? "—"}</span></p>
        {f.place ? <p className="text-sm break-words text-slate-600">{f.place}</p> : null}
        {f.dissuadedAt ? <p className="text-sm text-slate-600">{t("since", { date: format.dateTime(new Date(f.dissuadedAt), { dateStyle: "medium" }) })}</p> : null}
        <Link href={`/persons/${f.personId}`} className="inline-flex min-h-11 items-center text-sm text-brand-600">{tp("link.file")}</Link>
        {f.personPhone ? (
          <div className="flex flex-wrap items-center gap-3">
            <span className="font-mono">{f.personPhone}</span>
            <CallButton source={{ warningId: f.warningId }} masked={f.personPhone} />
          </div>
        ) : null}
      </Card>
      <Card className="p-4">
        <AppFollowUpForm id={f.id} version={f.version} closed={f.status === "OPEN" ? null : { outcome: f.outcome, note: f.note, atVisit: f.atVisit }} />
      </Card>
    </div>
  );
}
