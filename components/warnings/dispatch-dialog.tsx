"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { WarningRow } from "@/lib/warnings/dto";
import type { UnitOption } from "@/lib/units/picker-options";
import { bulkDispatchAction } from "@/app/(app)/warnings/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { UnitPicker } from "@/components/warnings/unit-picker";
import { typingIn } from "@/components/warnings/use-live-refresh";

export type DispatchTarget = Pick<WarningRow, "id" | "version"> & { unit: Pick<WarningRow["unit"], "code" | "kind"> };

/** The precinct the warnings were routed to, when they share one: the dialog's default. */
export function routedPrecinct(targets: DispatchTarget[], units: UnitOption[]): string {
  const codes = new Set(targets.map((w) => w.unit.code));
  const [only] = [...codes];
  return codes.size === 1 && only && units.some((u) => u.code === only && u.kind === "PRECINCT") ? only : "";
}

/**
 * Hands the warning(s) to a unit with a 下发说明. Opens on the routed precinct with the focus on
 * 下发 (d), so d d or d Enter dispatches it; / searches the units; Esc cancels.
 */
export function DispatchDialog({ targets, units, onClose }: { targets: DispatchTarget[]; units: UnitOption[]; onClose: (message?: string) => void }) {
  const t = useTranslations("warnings");
  const tErr = useTranslations("errors");
  const [unitCode, setUnitCode] = useState(() => routedPrecinct(targets, units));
  const [note, setNote] = useState("");
  const [pending, start] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (unitCode) document.getElementById("dispatch-confirm")?.focus();
    else document.getElementById("dispatch-unit")?.focus();
    // Only on opening: later choices keep the focus where the user put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
      else if (typingIn(e) || e.repeat) return;
      else if (e.key === "d") form.current?.requestSubmit();
      else if (e.key === "/") document.getElementById("dispatch-unit")?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="dispatch-title" className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <form
        ref={form}
        data-testid="dispatch-dialog"
        className="w-full max-w-md space-y-4 rounded-lg bg-white p-5 shadow-xl"
        onSubmit={(e) => {
          e.preventDefault();
          if (!unitCode || pending) return;
          start(async () => {
            const r = await bulkDispatchAction(targets.map(({ id, version }) => ({ id, version })), unitCode, note.trim() || undefined);
            onClose(r.ok ? t("bulk.done", r.data) : tErr(r.code));
          });
        }}
      >
        <h2 id="dispatch-title" className="text-base font-semibold">
          {t("dispatch.title")}{targets.length > 1 ? <span className="ml-2 text-sm font-normal text-slate-500">{t("bulk.selected", { count: targets.length })}</span> : null}
        </h2>
        <Field id="dispatch-unit" label={t("dispatch.unit")} hint={t("dispatch.unitHint")}>
          <UnitPicker id="dispatch-unit" units={units} value={unitCode} onChange={setUnitCode} />
        </Field>
        <Field id="dispatch-note" label={t("dispatch.note")}>
          <Input id="dispatch-note" name="note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("dispatch.notePlaceholder")} />
        </Field>
        <p className="text-xs text-slate-500">{t("dispatch.keys")}</p>
        <div className="flex items-center justify-end gap-2 whitespace-nowrap">
          <Button variant="secondary" onClick={() => onClose()}>{t("do.cancel")}</Button>
          <Button id="dispatch-confirm" type="submit" disabled={pending || !unitCode}>{t("do.dispatch")}</Button>
        </div>
      </form>
    </div>
  );
}
