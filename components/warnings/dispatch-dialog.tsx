"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { WarningRow } from "@/lib/warnings/dto";
import { bulkDispatchAction } from "@/app/(app)/warnings/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

export type UnitOption = { code: string; name: string; depth: number };

/** Picks the precinct to hand the warning(s) to; Enter confirms, Esc cancels. */
export function DispatchDialog({ targets, units, onClose }: { targets: Pick<WarningRow, "id" | "version">[]; units: UnitOption[]; onClose: (message?: string) => void }) {
  const t = useTranslations("warnings");
  const [unitCode, setUnitCode] = useState(units[0]?.code ?? "");
  const [pending, start] = useTransition();
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    select.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="dispatch-title" className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <form
        className="w-full max-w-md space-y-4 rounded-lg bg-white p-5 shadow-xl"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const r = await bulkDispatchAction(targets.map(({ id, version }) => ({ id, version })), unitCode);
            onClose(t("bulk.done", r));
          });
        }}
      >
        <h2 id="dispatch-title" className="text-base font-semibold">{t("dispatch.title")}</h2>
        <Field id="dispatch-unit" label={t("dispatch.unit")}>
          <Select id="dispatch-unit" ref={select} value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>{"\u3000".repeat(Math.max(0, u.depth - 1))}{u.name}（{u.code}）</option>
            ))}
          </Select>
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onClose()}>{t("do.cancel")}</Button>
          <Button type="submit" disabled={pending || !unitCode}>{t("do.dispatch")}</Button>
        </div>
      </form>
    </div>
  );
}
