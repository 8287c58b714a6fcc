"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { updateSlaAction } from "@/app/(app)/admin/settings/actions";
import type { SlaRow } from "@/lib/settings/commands";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { DataTable } from "@/components/ui/table";

const STEPS = ["ackMinutes", "contactMinutes", "resolveMinutes"] as const;

/** Minutes as a dispatcher says them: 2 小时, 7 天, 90 分钟. */
function useDuration() {
  const t = useTranslations("settings.duration");
  return (raw: string) => {
    const m = Number(raw);
    if (!Number.isInteger(m) || m <= 0) return "";
    if (m % 1440 === 0) return t("days", { n: m / 1440 });
    if (m % 60 === 0) return t("hours", { n: m / 60 });
    return t("minutes", { n: m });
  };
}

/** The SLA ladder: one row per risk level, each step in minutes, shown also in hours or days. */
export function SlaForm({ rows }: { rows: SlaRow[] }) {
  const t = useTranslations();
  const duration = useDuration();
  const { state, pending, formProps } = useFormAction(updateSlaAction);
  const fieldError = useFieldError(state);
  const [typed, setTyped] = useState<Record<string, string>>({});
  return (
    <form {...formProps} data-testid="sla-form">
      <DataTable
        frame="none"
        head={
          <>
            <th className="px-3 py-2 font-medium">{t("settings.risk")}</th>
            {STEPS.map((s) => (
              <th key={s} className="px-3 py-2 font-medium">{t(`settings.steps.${s}`)}</th>
            ))}
          </>
        }
      >
        {rows.map((r) => (
          <tr key={r.riskLevel} data-risk={r.riskLevel}>
            <td className="px-3 py-2 align-top">
              <input type="hidden" name={`${r.riskLevel}.version`} value={r.version} />
              <RiskBadge risk={r.riskLevel} />
            </td>
            {STEPS.map((s) => {
              const name = `${r.riskLevel}.${s}`;
              const error = fieldError(name);
              return (
                <td key={s} className="px-3 py-2 align-top">
                  <div className="flex items-center gap-2">
                    <Input
                      id={name} name={name} defaultValue={r[s]} inputMode="numeric" className="w-28" invalid={!!error}
                      aria-label={`${t(`warnings.risk.${r.riskLevel}`)} ${t(`settings.steps.${s}`)}`}
                      onInput={(e) => {
                        const value = e.currentTarget.value;
                        setTyped((x) => ({ ...x, [name]: value }));
                      }}
                    />
                    <span className="text-xs text-slate-500">{t("settings.minutes")}</span>
                  </div>
                  {error ? (
                    <p id={`${name}-error`} role="alert" className="mt-1 text-xs text-red-600">{error}</p>
                  ) : (
                    <p className="mt-1 text-xs text-slate-500">{duration(typed[name] ?? String(r[s]))}</p>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("common.saving") : t("settings.saveSla")}</Button>
        <FormStatus state={state} savedText={t("settings.saved")} />
      </div>
    </form>
  );
}
