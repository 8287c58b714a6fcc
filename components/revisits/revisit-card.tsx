import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChevronRight } from "lucide-react";
import type { RevisitRow } from "@/lib/revisits/queries";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CallButton } from "@/components/field/call-button";

/** When a revisit is due: red when overdue, amber today. */
export function RevisitDueBadge({ r }: { r: Pick<RevisitRow, "due" | "dueOn" | "daysLate"> }) {
  const t = useTranslations("revisits.due");
  if (r.due === "overdue") return <Badge tone="red"><span data-revisit-due="overdue">{t("overdue", { days: r.daysLate, date: r.dueOn.slice(5) })}</span></Badge>;
  if (r.due === "today") return <Badge tone="amber"><span data-revisit-due="today">{t("today")}</span></Badge>;
  return <Badge tone="blue"><span data-revisit-due="upcoming">{t("upcoming", { date: r.dueOn.slice(5) })}</span></Badge>;
}

/** One revisit due, as a thumb-sized card: who, which revisit, how late — one tap to record it. */
export function RevisitCard({ r }: { r: RevisitRow }) {
  const t = useTranslations("revisits");
  const tw = useTranslations("warnings");
  const href = `/field/revisits/${r.id}`;
  return (
    <li data-revisit-id={r.id} data-due={r.due} className={cn("rounded-lg border bg-white p-3 shadow-sm", r.due === "overdue" ? "border-red-300" : "border-slate-200")}>
      <div className="flex flex-wrap items-center gap-2">
        <RevisitDueBadge r={r} />
        <Badge>{t("sequence", { n: r.sequence })}{r.attempt > 1 ? t("attempt", { n: r.attempt }) : ""}</Badge>
        {r.mine ? <Badge tone="green">{t("mine")}</Badge> : null}
      </div>
      <Link href={href} className="mt-2 flex min-h-11 items-center justify-between gap-2 text-base font-semibold text-slate-900">
        <span className="min-w-0">
          {tw(`fraudType.${r.fraudType}`)}
          <span className="ml-2 font-normal text-slate-600">{r.personName ?? "—"}</span>
        </span>
        <ChevronRight className="size-5 shrink-0 text-slate-400" aria-hidden />
      </Link>
      <p className="text-sm text-slate-600">
        <span className="font-mono">{r.personPhone}</span>
        <span className="ml-3">{r.officer ? t("officer", { name: r.officer }) : t("noOfficer")}</span>
      </p>
      <div className="mt-3 grid grid-cols-2 gap-2">
        {r.personPhone ? <CallButton source={{ warningId: r.warningId }} masked={r.personPhone} className="w-full" /> : <span />}
        <Link href={href} className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-3 text-base font-medium text-white">{t("record")}</Link>
      </div>
    </li>
  );
}
