import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { readForPage } from "@/lib/commands/page";
import { showWarning } from "@/lib/warnings/queries";
import { requireFieldPage } from "@/lib/field/guard";
import { openFollowUpsOf } from "@/lib/field/follow-ups";
import { unitOfficers } from "@/lib/field/assign";
import { formClock } from "@/lib/field/constants";
import { Badge, Card } from "@/components/ui/card";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { SlaCountdown } from "@/components/warnings/sla-countdown";
import { AddressReveal, CallButton } from "@/components/field/call-button";
import { AssignForm, ClaimButton } from "@/components/field/claim-assign";
import { FollowUpBadge } from "@/components/field/task-cards";
import { HomeVisitForm } from "@/components/field/home-visit-form";
import { VisitLog } from "@/components/field/visit-log";
import { personLinkOf } from "@/lib/persons/queries";
import { PersonLink } from "@/components/persons/person-link";
import { revisitsOfWarning } from "@/lib/revisits/queries";
import { RevisitHistory } from "@/components/revisits/revisit-history";
import { transferTargets } from "@/lib/warnings/transfers";
import { TransferBlock } from "@/components/warnings/transfer-block";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("field"))("visit.title") };
}

/** One warning on the officer's phone: who, where, call, claim — and the home visit form. */
export default async function FieldWarningPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFieldPage();
  const w = await readForPage(showWarning, actor, { id: (await params).id });
  const canAssign = actor.permissions.has("warnings:triage") && w.status !== "RESOLVED";
  // 移交 (as on the dispatcher's page): whoever works the warning's unit offers it while it is open and no transfer is pending.
  const works = actor.permissions.has("warnings:triage") || (actor.permissions.has("warnings:work") && actor.unitId === w.unit.id);
  const canPropose = works && w.status !== "RESOLVED" && !w.transfers.some((x) => x.status === "PROPOSED");
  const [t, tw, tt, format, followUps, officers, personLink, revisits, targets] = await Promise.all([
    getTranslations("field"), getTranslations("warnings"), getTranslations("transfers"), getFormatter(), openFollowUpsOf(w.id), canAssign ? unitOfficers(w.unit.id) : Promise.resolve([]),
    actor.permissions.has("persons:read") ? personLinkOf(actor, { warningId: w.id }) : null,
    revisitsOfWarning(actor, w.id),
    canPropose ? transferTargets(actor) : [],
  ]);
  const resolved = w.status === "RESOLVED";
  const clock = formClock();
  const canClaim = actor.permissions.has("warnings:work") && !resolved && (!w.assignee || (w.status === "PENDING" && w.assignee.id === actor.id));

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/field" className="inline-flex min-h-11 items-center text-base text-brand-600">← {t("title")}</Link>
      <div className="flex flex-wrap items-center gap-2">
        <RiskBadge risk={w.riskLevel} />
        <h1 className="text-lg font-semibold">{tw(`fraudType.${w.fraudType}`)}</h1>
        <Badge tone={resolved ? "green" : "blue"}><span data-testid="field-warning-status">{tw(`status.${w.status}`)}</span></Badge>
        {w.outcome ? <Badge tone={w.outcome === "DISSUADED" ? "green" : "amber"}>{tw(`outcome.${w.outcome}`)}</Badge> : null}
        {w.sla ? <SlaCountdown dueAt={w.sla.dueAt} startedAt={w.receivedAt} step={w.sla.step} /> : null}
      </div>

      <Card className="space-y-3 p-4">
        <p className="text-base">
          <span className="font-medium">{w.victimName ?? t("card.noName")}</span>
          {w.victimAge ? <span className="ml-2 text-slate-600">{t("age", { age: w.victimAge })}</span> : null}
          {w.victimGender ? <span className="ml-1 text-slate-600">{tw(`gender.${w.victimGender}`)}</span> : null}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-mono text-base">{w.victimPhone}</span>
          <CallButton source={{ warningId: w.id }} masked={w.victimPhone ?? ""} />
        </div>
        <p className="text-base"><AddressReveal warningId={w.id} masked={w.victimAddress} /></p>
        <PersonLink link={personLink} />
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1.5 text-sm">
          <dt className="text-slate-500">{t("detail.amountAtRisk")}</dt>
          <dd>{w.amountAtRisk ? format.number(Number(w.amountAtRisk), { style: "currency", currency: "CNY" }) : "—"}</dd>
          <dt className="text-slate-500">{t("detail.contact")}</dt>
          <dd className="break-all">{tw(`channel.${w.contactChannel}`)} <span className="font-mono">{w.contactValue}</span></dd>
          <dt className="text-slate-500">{t("detail.received")}</dt>
          <dd>{format.dateTime(new Date(w.receivedAt), { dateStyle: "short", timeStyle: "short" })}</dd>
          <dt className="text-slate-500">{t("detail.assignee")}</dt>
          <dd data-testid="assignee">{w.assignee?.displayName ?? t("card.unclaimed")}</dd>
          {w.note ? (<><dt className="text-slate-500">{t("detail.note")}</dt><dd className="whitespace-pre-wrap break-words">{w.note}</dd></>) : null}
          {w.fraudCase ? (<><dt className="text-slate-500">{t("detail.case")}</dt><dd className="font-mono">{w.fraudCase.caseNumber}</dd></>) : null}
        </dl>
        {followUps.length ? <div className="flex flex-wrap gap-2">{followUps.map((f) => <FollowUpBadge key={f.id} f={f} />)}</div> : null}
        {canClaim ? <ClaimButton id={w.id} version={w.version} pendingAck={w.status === "PENDING"} /> : null}
        {canAssign ? <AssignForm id={w.id} version={w.version} officers={officers} current={w.assignee?.id ?? null} /> : null}
      </Card>

      {targets.length || w.transfers.some((x) => x.status === "PROPOSED") ? (
        <Card className="p-4" data-testid="field-transfer">
          <h2 className="text-base font-semibold">{tt("form.title")}</h2>
          <TransferBlock warningId={w.id} version={w.version} transfers={w.transfers} targets={targets} phone />
        </Card>
      ) : null}

      <Card className="p-4">
        <h2 className="mb-1 text-base font-semibold">{resolved ? t("visit.followUpTitle") : t("visit.title")}</h2>
        {resolved ? <p className="mb-3 text-sm text-slate-600">{t("visit.resolvedNote", { outcome: w.outcome ? tw(`outcome.${w.outcome}`) : "" })}</p> : <p className="mb-3 text-sm text-slate-600">{t("visit.intro")}</p>}
        <HomeVisitForm target={{ warningId: w.id }} title={resolved ? t("visit.followUpTitle") : t("visit.title")} fraudType={w.fraudType} {...clock} />
        {resolved ? null : (
          <Link href={`/field/intercepts/new?warning=${w.id}`} className="mt-3 inline-flex min-h-11 w-full items-center justify-center rounded-md border border-slate-300 text-base text-slate-800">
            {t("visit.orIntercept")}
          </Link>
        )}
      </Card>

      <Card className="p-4">
        <h2 className="mb-2 text-base font-semibold">{t("detail.actions")}</h2>
        <VisitLog actions={w.actions} />
        <RevisitHistory revisits={revisits} />
      </Card>
    </div>
  );
}
