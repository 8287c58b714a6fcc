import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChevronRight, MapPin } from "lucide-react";
import type { TaskWarning } from "@/lib/field/my-tasks";
import type { FollowUp } from "@/lib/field/follow-ups";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { SlaCountdown } from "@/components/warnings/sla-countdown";
import { CallButton } from "@/components/field/call-button";
import { ClaimButton } from "@/components/field/claim-assign";
import { actionResultKey } from "@/lib/warnings/action-labels";

/** The follow-up line of a card: its day, and how late it is when missed. */
export function FollowUpBadge({ f }: { f: Pick<FollowUp, "on" | "state" | "daysLate"> }) {
  const t = useTranslations("field.card");
  if (f.state === "missed") return <Badge tone="red"><span data-follow-up="missed">{t("missed", { date: f.on.slice(5), days: f.daysLate })}</span></Badge>;
  if (f.state === "today") return <Badge tone="amber"><span data-follow-up="today">{t("today")}</span></Badge>;
  return <Badge tone="blue"><span data-follow-up="upcoming">{t("followUpOn", { date: f.on.slice(5) })}</span></Badge>;
}

/** One open warning of the precinct, as a thumb-sized card: what, who, where, how urgent, and the next tap. */
export function TaskCard({ w }: { w: TaskWarning }) {
  const t = useTranslations("field.card");
  const tw = useTranslations("warnings");
  const href = `/field/warnings/${w.id}`;
  return (
    <li data-task-id={w.id} data-status={w.status} className={cn("rounded-lg border bg-white p-3 shadow-sm", w.overdue || w.followUp?.state === "missed" ? "border-red-300" : "border-slate-200")}>
      <div className="flex flex-wrap items-center gap-2">
        <RiskBadge risk={w.riskLevel} />
        <Badge tone={w.status === "PENDING" ? "amber" : "blue"}>{tw(`status.${w.status}`)}</Badge>
        {w.sla ? <SlaCountdown dueAt={w.sla.dueAt} startedAt={w.receivedAt} step={w.sla.step} /> : null}
        {w.followUp ? <FollowUpBadge f={w.followUp} /> : null}
        {w.repeatCount ? <Badge tone="red">{t("repeat", { n: w.repeatCount + 1 })}</Badge> : null}
      </div>
      <Link href={href} className="mt-2 flex min-h-11 items-center justify-between gap-2 rounded-md text-base font-semibold text-slate-900">
        <span className="min-w-0">
          {tw(`fraudType.${w.fraudType}`)}
          <span className="ml-2 font-normal text-slate-600">{w.victimName ?? t("noName")}</span>
        </span>
        <ChevronRight className="size-5 shrink-0 text-slate-400" aria-hidden />
      </Link>
      <p className="flex items-start gap-1.5 text-sm text-slate-600">
        <MapPin className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span className="min-w-0 break-words">{w.victimAddress ?? t("noAddress")}</span>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        <span className="font-mono">{w.victimPhone}</span>
        {w.amountAtRisk ? <span className="ml-3">{t("amountAtRisk", { amount: Number(w.amountAtRisk).toLocaleString("zh-CN", { style: "currency", currency: "CNY" }) })}</span> : null}
      </p>
      <p className="mt-1 text-sm">
        {w.mine ? <span className="font-medium text-brand-600">{t("mine")}</span> : w.assignee ? t("assignee", { name: w.assignee.displayName }) : <span className="font-medium text-amber-700">{t("unclaimed")}</span>}
      </p>
      <div className="mt-3 grid grid-cols-2 gap-2">
        <CallButton source={{ warningId: w.id }} masked={w.victimPhone ?? ""} className="w-full" />
        {!w.assignee || (w.status === "PENDING" && w.mine) ? (
          <ClaimButton id={w.id} version={w.version} pendingAck={w.status === "PENDING"} className="min-h-11 w-full text-base" />
        ) : (
          <Link href={href} className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-3 text-base font-medium text-white">{t("visit")}</Link>
        )}
      </div>
    </li>
  );
}

/** A follow-up visit of a resolved warning or of a standalone record (a counter interception). */
export function FollowUpCard({ f }: { f: FollowUp }) {
  const t = useTranslations("field.card");
  const tw = useTranslations("warnings");
  const href = f.warningId ? `/field/warnings/${f.warningId}` : `/field/follow-ups/${f.id}`;
  return (
    <li data-follow-up-id={f.id} className={cn("rounded-lg border bg-white p-3 shadow-sm", f.state === "missed" ? "border-red-300" : "border-slate-200")}>
      <div className="flex flex-wrap items-center gap-2">
        <FollowUpBadge f={f} />
        <Badge>{tw(`actionKind.${f.kind}`)} · {tw(actionResultKey(f.kind, f.result))}</Badge>
      </div>
      <Link href={href} className="mt-2 flex min-h-11 items-center justify-between gap-2 text-base font-semibold text-slate-900">
        <span className="min-w-0">
          {f.fraudType ? tw(`fraudType.${f.fraudType}`) : t("followUp")}
          <span className="ml-2 font-normal text-slate-600">{f.personName ?? t("noName")}</span>
        </span>
        <ChevronRight className="size-5 shrink-0 text-slate-400" aria-hidden />
      </Link>
      {f.place ? <p className="text-sm break-words text-slate-600">{f.place}</p> : null}
      <div className="mt-3 grid grid-cols-2 gap-2">
        {f.personPhone ? <CallButton source={f.warningId ? { warningId: f.warningId } : { actionId: f.id }} masked={f.personPhone} className="w-full" /> : <span />}
        <Link href={href} className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-3 text-base font-medium text-white">{t("followUpVisit")}</Link>
      </div>
    </li>
  );
}
