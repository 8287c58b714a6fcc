"use client";

import { useTranslations } from "next-intl";
import { updateOutboundLadderAction } from "@/app/(app)/admin/outbound/actions";
import type { Ladder } from "@/lib/outbound/ladder-config";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";

const RISKS = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
const NUMBERS = ["robotCallAfterSeconds", "redialEverySeconds", "redials", "visitAfterMinutes"] as const;
const FLAGS = ["sms", "flash", "humanCall"] as const;

/** The dissuasion ladder per risk level: one row each, fields named `<risk>.<rung>`. */
export function LadderForm({ ladder, version }: { ladder: Ladder; version: number }) {
  const t = useTranslations("outbound");
  const { state, pending, formProps } = useFormAction(updateOutboundLadderAction);
  const err = useFieldError(state, "outbound");
  return (
    <form {...formProps} data-testid="outbound-ladder-form" className="space-y-3">
      <input type="hidden" name="version" value={version} />
      <div className="overflow-x-auto">
        <table className="min-w-[900px] text-sm">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="px-2 py-1" />
              {FLAGS.map((f) => <th key={f} className="px-2 py-1 font-medium">{t(`ladder.${f}`)}</th>)}
              {NUMBERS.map((f) => <th key={f} className="px-2 py-1 font-medium">{t(`ladder.${f}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {RISKS.map((r) => (
              <tr key={r}>
                <th className="whitespace-nowrap px-2 py-1 text-left font-medium">{t(`risk.${r}`)}</th>
                {FLAGS.map((f) => (
                  <td key={f} className="px-2 py-1">
                    <input type="hidden" name={`${r}.${f}`} value="false" />
                    <input type="checkbox" name={`${r}.${f}`} value="true" defaultChecked={ladder[r][f]} aria-label={`${t(`risk.${r}`)} ${t(`ladder.${f}`)}`} className="h-5 w-5" />
                  </td>
                ))}
                {NUMBERS.map((f) => (
                  <td key={f} className="px-2 py-1">
                    <Input name={`${r}.${f}`} defaultValue={ladder[r][f] ?? ""} inputMode="numeric" className="w-24" aria-label={`${t(`risk.${r}`)} ${t(`ladder.${f}`)}`}
                      invalid={!!err(`${r}.${f}`)} title={err(`${r}.${f}`)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("saving") : t("save")}</Button>
        <FormStatus state={state} savedText={t("saved")} namespace="outbound" />
      </div>
    </form>
  );
}
