import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { getFollowUp } from "@/lib/field/follow-ups";
import { formClock } from "@/lib/field/constants";
import { Badge, Card } from "@/components/ui/card";
import { CallButton } from "@/components/field/call-button";
import { FollowUpBadge } from "@/components/field/task-cards";
import { HomeVisitForm } from "@/components/field/home-visit-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("field"))("visit.followUpTitle") };
}

/** The follow-up visit of a standalone record (a counter interception) of the officer's unit. */
export default async function FollowUpPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("warnings:work");
  const f = await readForPage(getFollowUp, actor, { id: (await params).id });
  if (f.warningId) redirect(`/field/warnings/${f.warningId}`);
  const [t, tw] = await Promise.all([getTranslations("field"), getTranslations("warnings")]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/field" className="inline-flex min-h-11 items-center text-base text-brand-600">← {t("title")}</Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-lg font-semibold">{t("visit.followUpTitle")}</h1>
        {f.done ? <Badge tone="green">{t("followUp.done")}</Badge> : <FollowUpBadge f={f} />}
      </div>
      <Card className="space-y-2 p-4 text-base">
        <p className="text-sm text-slate-500">{t("followUp.origin")}</p>
        <p><Badge>{tw(`actionKind.${f.kind}`)}</Badge> <span className="ml-1">{f.fraudType ? tw(`fraudType.${f.fraudType}`) : null}</span></p>
        <p>{f.personName}</p>
        {f.place ? <p className="text-sm break-words text-slate-600">{f.place}</p> : null}
        {f.personPhone ? (
          <div className="flex flex-wrap items-center gap-3">
            <span className="font-mono">{f.personPhone}</span>
            <CallButton source={{ actionId: f.id }} masked={f.personPhone} />
          </div>
        ) : null}
      </Card>
      <Card className="p-4">
        <HomeVisitForm target={{ originId: f.id }} title={t("visit.followUpTitle")} fraudType={f.fraudType} {...formClock()} />
      </Card>
    </div>
  );
}
