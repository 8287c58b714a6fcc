import { getFormatter, getTranslations } from "next-intl/server";
import type { RevisitRow } from "@/lib/revisits/queries";
import { Badge } from "@/components/ui/card";
import { RevisitDueBadge } from "@/components/revisits/revisit-card";

/** A warning's revisits (回访), in its history: each one due, done (with its outcome) or cancelled. */
export async function RevisitHistory({ revisits }: { revisits: RevisitRow[] }) {
  const [t, format] = await Promise.all([getTranslations("revisits"), getFormatter()]);
  return (
    <>
      <h2 className="mt-5 mb-2 text-sm font-semibold">{t("history")}</h2>
      {revisits.length === 0 ? <p className="text-xs text-slate-500">{t("historyEmpty")}</p> : (
        <ol className="space-y-1.5 text-xs text-slate-600" data-testid="revisit-history">
          {revisits.map((r) => (
            <li key={r.id} data-revisit-status={r.status} className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-medium text-slate-800">{t("sequence", { n: r.sequence })}{r.attempt > 1 ? t("attempt", { n: r.attempt }) : ""}</span>
              <span>{r.dueOn}</span>
              {r.status === "OPEN" ? <RevisitDueBadge r={r} /> : r.status === "DONE" ? <Badge tone={r.outcome === "DEFRAUDED" ? "red" : "green"}>{t(`outcomes.${r.outcome!}`)}</Badge> : <Badge>{t("cancelled")}</Badge>}
              {r.status === "DONE" && r.doneAt ? <span>{t("doneBy", { name: r.doneBy ?? "—", date: format.dateTime(new Date(r.doneAt), { dateStyle: "short", timeStyle: "short" }) })}</span> : null}
              {r.status === "OPEN" ? <span>{r.officer ? t("officer", { name: r.officer }) : t("noOfficer")}</span> : null}
              {r.note ? <span className="w-full break-words">{r.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
