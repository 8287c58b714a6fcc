import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { AppealDto } from "@/lib/appeals/queries";
import type { AppealStatus } from "@/lib/appeals/schemas";

const STATUS_TONE: Record<AppealStatus, "slate" | "green" | "red" | "amber" | "blue"> = {
  RECEIVED: "blue", UNDER_REVIEW: "amber", UPHELD: "slate", REVOKED: "green", WITHDRAWN: "slate",
};

/** The status, and for an open appeal its deadline flag and the working days left (as the freezes show theirs). */
export async function AppealBadges({ a }: { a: Pick<AppealDto, "status" | "flag" | "workingDaysLeft"> }) {
  const t = await getTranslations("appeals");
  const left = a.workingDaysLeft;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={STATUS_TONE[a.status]}>{t(`statuses.${a.status}`)}</Badge>
      {a.flag ? <Badge tone={a.flag === "overdue" ? "red" : "amber"}>{t(`flags.${a.flag}`)}</Badge> : null}
      {left !== null ? (
        <span className={`text-xs ${a.flag === "overdue" ? "text-red-700" : a.flag ? "text-amber-800" : "text-slate-500"}`}>
          {left < 0 ? t("list.overdueBy", { n: -left }) : left === 0 ? t("list.dueToday") : t("list.workingDaysLeft", { n: left })}
        </span>
      ) : null}
    </span>
  );
}
