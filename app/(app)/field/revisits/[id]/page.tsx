import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireFieldPage } from "@/lib/field/guard";
import { showRevisit } from "@/lib/revisits/queries";
import { readForPage } from "@/lib/commands/page";
import { MAX_RESCHEDULE_DAYS } from "@/lib/revisits/constants";
import { addDays, chinaToday } from "@/lib/time/china";
import { Badge, Card } from "@/components/ui/card";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { CallButton } from "@/components/field/call-button";
import { RevisitDueBadge } from "@/components/revisits/revisit-card";
import { RevisitForm } from "@/components/revisits/revisit-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revisits"))("recordTitle") };
}

/** 回访登记: one revisit of the officer's unit, phone first. */
export default async function RevisitPage({ params }: { params: Promise<{ id: string }> }) {
  // Officers and dispatchers (the read scopes the record to the units they work).
  const actor = await requireFieldPage();
  const r = await readForPage(showRevisit, actor, { id: (await params).id });
  const [t, tw, tf, format] = await Promise.all([getTranslations("revisits"), getTranslations("warnings"), getTranslations("field"), getFormatter()]);
  const today = chinaToday();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/field" className="inline-flex min-h-11 items-center text-base text-brand-600">← {tf("title")}</Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-lg font-semibold">{t("recordTitle")}</h1>
        <Badge>{t("sequence", { n: r.sequence })}{r.attempt > 1 ? t("attempt", { n: r.attempt }) : ""}</Badge>
        {r.status === "OPEN" ? <RevisitDueBadge r={r} /> : <Badge tone={r.status === "DONE" ? "green" : "slate"}>{t(`status.${r.status}`)}</Badge>}
      </div>
      <Card className="space-y-2 p-4 text-base">
        <p className="text-sm text-slate-500">{t("person")}</p>
        <p className="flex flex-wrap items-center gap-2"><RiskBadge risk={r.riskLevel} /> {tw(`fraudType.${r.fraudType}`)} <span className="text-slate-700">{r.personName ?? "—"}</span></p>
        {r.place ? <p className="text-sm break-words text-slate-600">{r.place}</p> : null}
        {r.dissuadedAt && r.warningOutcome === "DISSUADED" ? <p className="text-sm text-slate-600">{t("dissuadedAt", { date: format.dateTime(new Date(r.dissuadedAt), { dateStyle: "medium" }) })}</p> : null}
        {r.personPhone ? (
          <div className="flex flex-wrap items-center gap-3">
            <span className="font-mono">{r.personPhone}</span>
            <CallButton source={{ warningId: r.warningId }} masked={r.personPhone} />
          </div>
        ) : null}
      </Card>
      <Card className="p-4">
        <RevisitForm
          id={r.id} version={r.version} closed={r.status === "OPEN" ? null : { outcome: r.outcome, note: r.note }}
          minReschedule={addDays(today, 1)} maxReschedule={addDays(today, MAX_RESCHEDULE_DAYS)}
        />
      </Card>
    </div>
  );
}
