import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ChevronRight } from "lucide-react";
import type { AppFollowUpRow } from "@/lib/appfollowups/queries";
import { Badge } from "@/components/ui/card";
import { CallButton } from "@/components/field/call-button";

/** One person to help install the app, as a thumb-sized card: who, since when — one tap to record it. */
export function AppFollowUpCard({ f }: { f: AppFollowUpRow }) {
  const t = useTranslations("appfollowups");
  const tw = useTranslations("warnings");
  const format = useFormatter();
  const href = `/field/app-followups/${f.id}`;
  return (
    <li data-app-followup-id={f.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="amber">{t("status.OPEN")}</Badge>
        {f.dissuadedAt ? <span className="text-sm text-slate-600">{t("since", { date: format.dateTime(new Date(f.dissuadedAt), { month: "numeric", day: "numeric" }) })}</span> : null}
        {f.mine ? <Badge tone="green">{t("mine")}</Badge> : null}
      </div>
      <Link href={href} className="mt-2 flex min-h-11 items-center justify-between gap-2 text-base font-semibold text-slate-900">
        <span className="min-w-0">
          {tw(`fraudType.${f.fraudType}`)}
          <span className="ml-2 font-normal text-slate-600">{f.personName ?? "—"}</span>
        </span>
        <ChevronRight className="size-5 shrink-0 text-slate-400" aria-hidden />
      </Link>
      <p className="text-sm text-slate-600">
        <span className="font-mono">{f.personPhone}</span>
        <span className="ml-3">{f.officer ? t("officer", { name: f.officer }) : t("noOfficer")}</span>
      </p>
      <div className="mt-3 grid grid-cols-2 gap-2">
        {f.personPhone ? <CallButton source={{ warningId: f.warningId }} masked={f.personPhone} className="w-full" /> : <span />}
        <Link href={href} className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-3 text-base font-medium text-white">{t("record")}</Link>
      </div>
    </li>
  );
}
