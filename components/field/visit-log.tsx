import { useFormatter, useTranslations } from "next-intl";
import type { WarningDetail } from "@/lib/warnings/queries";
import { actionResultKey } from "@/lib/warnings/action-labels";

/** What has been done about the warning so far, newest first, compact for a phone. */
export function VisitLog({ actions }: { actions: WarningDetail["actions"] }) {
  const t = useTranslations("field.detail");
  const tw = useTranslations("warnings");
  const format = useFormatter();
  if (actions.length === 0) return <p className="text-sm text-slate-500">{t("noActions")}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="field-action-log">
      {actions.map((a) => (
        <li key={a.id} className="space-y-0.5 py-2">
          <p className="flex flex-wrap gap-x-3">
            <span className="text-slate-500">{format.dateTime(new Date(a.occurredAt), { dateStyle: "short", timeStyle: "short" })}</span>
            <span className="font-medium">{tw(`actionKind.${a.kind}`)}</span>
            <span>{tw(actionResultKey(a.kind, a.result))}</span>
            {Number(a.amountProtected) > 0 ? <span className="text-green-700">{format.number(Number(a.amountProtected), { style: "currency", currency: "CNY" })}</span> : null}
          </p>
          <p className="text-xs text-slate-500">{a.unit.name}{a.actor ? ` · ${a.actor.displayName}` : ""}{a.followUpOn ? ` · ${t("followUpOn", { date: a.followUpOn })}` : ""}</p>
          {a.note ? <p className="break-words text-slate-700">{a.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
