"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { LabelImportResult } from "@/lib/persons/label-import";
import { commitLabelImportAction, previewLabelImportAction } from "@/app/(app)/field/vulnerable/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { readImportFile } from "@/components/publicity/import-file";

/** The community list import: choose the CSV, preview (per-row errors), then confirm. Nothing is written before. */
export function LabelImport() {
  const t = useTranslations("vulnerable.import");
  const te = useTranslations("errors");
  const to = useTranslations("vulnerable.outreach");
  const [table, setTable] = useState<string[][] | null>(null);
  const [unit, setUnit] = useState("");
  const [preview, setPreview] = useState<LabelImportResult | null>(null);
  const [done, setDone] = useState<LabelImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const run = async (commit: boolean) => {
    if (!table) return;
    setPending(true);
    setError(null);
    const r = await (commit ? commitLabelImportAction : previewLabelImportAction)(table, unit.trim() || undefined);
    setPending(false);
    if (!r.ok) return setError(te(r.code));
    if (commit) setDone(r.data);
    else setPreview(r.data);
  };
  const shown = done ?? preview;
  return (
    <div className="space-y-4" data-testid="label-import">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <Field id="import-file" label={t("file")}>
        <Input
          id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="min-h-12 text-base"
          onChange={async (e) => {
            const f = e.currentTarget.files?.[0];
            setPreview(null);
            setDone(null);
            setTable(f ? await readImportFile(f) : null);
          }}
        />
      </Field>
      <Field id="import-unit" label={to("unit")}>
        <Input id="import-unit" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} maxLength={12} className="min-h-12 text-base font-mono" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={!table || pending} onClick={() => run(false)} className="min-h-11">{t("preview")}</Button>
        <Button type="button" disabled={!preview || !!done || pending} onClick={() => run(true)} className="min-h-11">{t("confirm")}</Button>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {shown ? (
        <div className="space-y-2" role="status">
          <p className="text-base font-medium">
            {done ? t("done", { created: done.created, updated: done.updated, unchanged: done.unchanged }) : t("summary", { rows: shown.rows, created: shown.created, updated: shown.updated, unchanged: shown.unchanged, errors: shown.errors.length })}
          </p>
          {shown.errors.length ? (
            <ul className="space-y-1 text-sm text-red-700" data-testid="import-errors">
              {shown.errors.map((e) => <li key={e.line}>{t("line", { line: e.line })}：{e.errors.map((c) => t(`errors.${c}`)).join("；")}</li>)}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
