"use client";

import { useEffect, useMemo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { csvLine } from "@/lib/export/csv";
import type { ImportPreview } from "@/lib/publicity/import-merge";

const SHOWN_ERRORS = 200;
const SHOWN_CHANGED = 100;

/** The preview of an import: what would be added, what differs, every row with an error. */
export function ImportPreviewView({ file, preview, onCommit, onCancel }: {
  file: string;
  preview: ImportPreview;
  onCommit: (updateChanged: boolean) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("publicity.import");
  const format = useFormatter();
  const [updateChanged, setUpdateChanged] = useState(false);
  const toCommit = preview.created + (updateChanged ? preview.changed.length : 0);
  const problem = (codes: string[]) => codes.map((c) => t(`rowErrors.${c}`)).join("；");
  const errorCsv = useMemo(() => {
    if (preview.errors.length === 0) return null;
    const lines = [csvLine([t("line"), t("rawDay"), t("rawUnit"), t("rawCount"), t("problem")])];
    for (const e of preview.errors) lines.push(csvLine([e.raw.line, e.raw.day, e.raw.unitCode, e.raw.count, problem(e.errors)]));
    return URL.createObjectURL(new Blob(["\uFEFF" + lines.join("\r\n")], { type: "text/csv;charset=utf-8" }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the preview does not change while shown
  }, [preview]);
  useEffect(() => () => {
    if (errorCsv) URL.revokeObjectURL(errorCsv);
  }, [errorCsv]);
  const cards = [
    ["rows", preview.total], ["created", preview.created], ["unchanged", preview.unchanged], ["changed", preview.changed.length], ["errors", preview.errors.length],
  ] as const;
  const cell = "px-3 py-1.5";
  return (
    <div className="space-y-4" data-testid="import-preview">
      <h2 className="text-base font-semibold">{t("summaryTitle", { file })}</h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {cards.map(([k, v]) => (
          <Card key={k} className="p-3" data-testid={`summary-${k}`}>
            <p className="text-xs text-slate-500">{t(`summary.${k}`)}</p>
            <p className={`mt-1 text-2xl font-semibold tabular-nums ${k === "errors" && v > 0 ? "text-red-700" : ""}`}>{format.number(v)}</p>
          </Card>
        ))}
      </div>

      {preview.errors.length > 0 ? (
        <Card className="overflow-x-auto">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <h3 className="text-sm font-semibold text-red-800">{t("errorsTitle")}</h3>
            {errorCsv ? <a href={errorCsv} download={`${file}.errors.csv`} className="text-sm text-brand-700 underline">{t("downloadErrors")}</a> : null}
          </div>
          <table className="w-full text-left text-sm" data-testid="import-errors">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr><th className={cell}>{t("line")}</th><th className={cell}>{t("rawDay")}</th><th className={cell}>{t("rawUnit")}</th><th className={cell}>{t("rawCount")}</th><th className={cell}>{t("problem")}</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.errors.slice(0, SHOWN_ERRORS).map((e) => (
                <tr key={e.raw.line} data-line={e.raw.line}>
                  <td className={`${cell} tabular-nums`}>{e.raw.line}</td>
                  <td className={cell}>{e.raw.day}</td>
                  <td className={cell}>{e.raw.unitCode}</td>
                  <td className={`${cell} tabular-nums`}>{e.raw.count}</td>
                  <td className={`${cell} text-red-700`}>{problem(e.errors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.errors.length > SHOWN_ERRORS ? <p className="px-3 py-2 text-xs text-slate-500">{t("moreRows", { n: preview.errors.length - SHOWN_ERRORS })}</p> : null}
        </Card>
      ) : null}

      {preview.changed.length > 0 ? (
        <Card className="overflow-x-auto">
          <h3 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold text-amber-800">{t("changedTitle")}</h3>
          <table className="w-full text-left text-sm" data-testid="import-changed">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr><th className={cell}>{t("line")}</th><th className={cell}>{t("rawDay")}</th><th className={cell}>{t("rawUnit")}</th><th className={`${cell} text-right`}>{t("previous")}</th><th className={`${cell} text-right`}>{t("incoming")}</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.changed.slice(0, SHOWN_CHANGED).map((c) => (
                <tr key={c.raw.line}>
                  <td className={`${cell} tabular-nums`}>{c.raw.line}</td>
                  <td className={cell}>{c.raw.day}</td>
                  <td className={cell}>{c.raw.unitCode}</td>
                  <td className={`${cell} text-right tabular-nums`}>{c.previous}</td>
                  <td className={`${cell} text-right tabular-nums`}>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.changed.length > SHOWN_CHANGED ? <p className="px-3 py-2 text-xs text-slate-500">{t("moreRows", { n: preview.changed.length - SHOWN_CHANGED })}</p> : null}
          <label className="flex min-h-11 items-center gap-2 border-t border-slate-200 px-3 text-sm">
            <input type="checkbox" className="size-5" checked={updateChanged} onChange={(e) => setUpdateChanged(e.target.checked)} />
            {t("updateChanged", { n: preview.changed.length })}
          </label>
        </Card>
      ) : null}

      {toCommit === 0 && preview.changed.length === 0 ? <p role="status" className="text-sm text-slate-700">{t("nothing")}</p> : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button onClick={() => onCommit(updateChanged)} disabled={toCommit === 0} className="min-h-11">{t("commit", { n: format.number(toCommit) })}</Button>
        <Button variant="secondary" onClick={onCancel} className="min-h-11">{t("cancel")}</Button>
      </div>
    </div>
  );
}
