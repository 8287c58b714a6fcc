import { getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/case-detail";
import { formatYuan } from "@/lib/cases/money";
import { Card } from "@/components/ui/card";
import { formatDuration } from "@/components/cases/format";

/** Loss, held, recovered and returned side by side (exact), and how long each step took. */
export async function CaseOverview({ c }: { c: CaseDetail }) {
  const t = await getTranslations("cases");
  const money = [
    ["loss", c.money.loss, "text-slate-900"],
    ["held", c.money.held, "text-blue-700"],
    ["recovered", c.money.recovered, "text-green-700"],
    ["returned", c.money.returned, "text-green-800"],
  ] as const;
  const s = c.steps;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="grid grid-cols-2 gap-3 p-4" data-testid="money-summary">
        {money.map(([key, value, tone]) => (
          <div key={key} data-money={key}>
            <p className="text-xs text-slate-500">{t(`detail.money.${key}`)}</p>
            <p className={`font-mono text-lg font-semibold tabular-nums ${tone}`}>{formatYuan(value)}</p>
          </div>
        ))}
      </Card>
      <Card className="p-4" data-testid="step-times">
        <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("detail.stepsTitle")}</h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          <li>{t("detail.intake")}：<b>{formatDuration(s.intakeMs, t)}</b></li>
          {s.firstTransferMs !== null ? <li>{t("detail.transfer")}：<b>{formatDuration(s.firstTransferMs, t)}</b></li> : null}
          {s.approvalMs !== null ? <li>{t("detail.approval")}：<b>{formatDuration(s.approvalMs, t)}</b></li> : null}
        </ul>
        <ol className="mt-3 flex flex-wrap items-center gap-1 text-xs">
          {s.steps.map((step, i) => (
            <li key={`${step.status}-${i}`} className="flex items-center gap-1">
              {i > 0 ? <span className="text-slate-300" aria-hidden>→</span> : null}
              <span className={`rounded px-2 py-1 ${step.current ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`} data-step={step.status}>
                {t(`status.${step.status}`)} · {formatDuration(step.ms, t)}
                {step.current ? `（${t("detail.current")}）` : ""}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
