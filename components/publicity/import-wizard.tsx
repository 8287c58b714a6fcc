"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { commitImportAction, previewImportAction } from "@/app/(app)/publicity/counts/import/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { ImportPreviewView } from "@/components/publicity/import-preview";
import { MAX_FILE_BYTES, readImportFile } from "@/components/publicity/import-file";
import { ProgressBar } from "@/components/publicity/progress-bar";
import { DAILY_METRICS, type DailyMetric } from "@/lib/publicity/enums";
import { checkTable, MAX_IMPORT_ROWS, type RawRow } from "@/lib/publicity/import-rows";
import { chunkRows, mergePreview, type CommitRow, type ImportPreview, type ServerPreview } from "@/lib/publicity/import-merge";

// Chunks stay well under the 1 MB server-action body limit (chunkRows counts bytes); commits go
// in smaller chunks so the bar moves and each transaction stays short.
const PREVIEW_CHUNK = 10_000;
const COMMIT_CHUNK = 5_000;
const CHUNK_BYTES = 600_000;

type Totals = { created: number; updated: number; unchanged: number; conflict: number; rejected: number };
type Step =
  | { kind: "choose"; message?: string }
  | { kind: "working"; label: "parsing" | "checking" | "committing"; done: number; total: number }
  | { kind: "preview"; file: string; preview: ImportPreview }
  | { kind: "done"; totals: Totals };

async function inChunks<R extends RawRow, T>(rows: R[], size: number, send: (chunk: R[]) => Promise<T>, progress: (done: number) => void): Promise<T[]> {
  const out: T[] = [];
  let done = 0;
  for (const chunk of chunkRows(rows, size, CHUNK_BYTES)) {
    out.push(await send(chunk));
    done += chunk.length;
    progress(done);
  }
  return out;
}

class ChunkFailed extends Error {}

export function ImportWizard() {
  const t = useTranslations("publicity.import");
  const tp = useTranslations("publicity");
  const tErr = useTranslations("errors");
  const [metric, setMetric] = useState<DailyMetric>("APP_REGISTRATIONS");
  const [step, setStep] = useState<Step>({ kind: "choose" });

  const unwrap = <T,>(r: { ok: true; data: T } | { ok: false; code: string }): T => {
    if (!r.ok) throw new ChunkFailed(tErr.has(r.code) ? tErr(r.code) : r.code);
    return r.data;
  };
  const fail = (e: unknown) => setStep({ kind: "choose", message: e instanceof ChunkFailed ? t("failed", { error: e.message }) : t("readFailed") });

  async function onFile(file: File) {
    if (file.size > MAX_FILE_BYTES) return setStep({ kind: "choose", message: t("tooMany", { max: MAX_IMPORT_ROWS }) });
    setStep({ kind: "working", label: "parsing", done: 0, total: 1 });
    try {
      const { rows } = checkTable(await readImportFile(file));
      if (rows.length === 0) return setStep({ kind: "choose", message: t("empty") });
      if (rows.length > MAX_IMPORT_ROWS) return setStep({ kind: "choose", message: t("tooMany", { max: MAX_IMPORT_ROWS }) });
      const valid = rows.flatMap((r) => (r.ok ? [r.raw] : []));
      setStep({ kind: "working", label: "checking", done: 0, total: valid.length });
      const answers: ServerPreview[] = await inChunks(
        valid, PREVIEW_CHUNK,
        async (chunk) => unwrap(await previewImportAction({ metric, rows: chunk })),
        (done) => setStep({ kind: "working", label: "checking", done, total: valid.length }),
      );
      setStep({ kind: "preview", file: file.name, preview: mergePreview(rows, answers) });
    } catch (e) {
      fail(e);
    }
  }

  /** `known`: what the preview already settled (rows with errors, rows equal to the stored ones). */
  async function commit(rows: CommitRow[], updateChanged: boolean, known: { rejected: number; unchanged: number }) {
    setStep({ kind: "working", label: "committing", done: 0, total: rows.length });
    try {
      const results = await inChunks(
        rows, COMMIT_CHUNK,
        async (chunk) => unwrap(await commitImportAction({ metric, rows: chunk, updateChanged })),
        (done) => setStep({ kind: "working", label: "committing", done, total: rows.length }),
      );
      const totals: Totals = { created: 0, updated: 0, conflict: 0, ...known };
      for (const r of results) {
        totals.created += r.created;
        totals.updated += r.updated;
        totals.unchanged += r.unchanged;
        totals.conflict += r.conflict;
        totals.rejected += r.errors.length;
      }
      setStep({ kind: "done", totals });
    } catch (e) {
      fail(e);
    }
  }

  if (step.kind === "working") {
    return (
      <Card className="p-5" aria-live="polite">
        <ProgressBar done={step.done} total={step.total} label={step.label === "parsing" ? t("parsing") : t(step.label, { done: step.done, total: step.total })} />
      </Card>
    );
  }
  if (step.kind === "preview") {
    return (
      <ImportPreviewView
        file={step.file} preview={step.preview}
        onCommit={(updateChanged) => commit(step.preview.commitRows(updateChanged), updateChanged, { rejected: step.preview.errors.length, unchanged: step.preview.unchanged })}
        onCancel={() => setStep({ kind: "choose" })}
      />
    );
  }
  if (step.kind === "done") {
    return (
      <Card className="space-y-3 p-5">
        <p role="status" className="text-sm text-green-800" data-testid="import-done">{t("done", step.totals)}</p>
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" onClick={() => setStep({ kind: "choose" })}>{t("again")}</Button>
          <Link href="/publicity/counts" className="inline-flex min-h-10 items-center text-sm text-brand-700 underline">{t("cancel")}</Link>
        </div>
      </Card>
    );
  }
  return (
    <Card className="space-y-4 p-5">
      <p className="text-sm text-slate-600">{t("format")}</p>
      <p className="text-xs text-slate-500">{t("policy")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="metric" label={tp("fields.metric")}>
          <Select id="metric" name="metric" value={metric} onChange={(e) => setMetric(e.target.value as DailyMetric)}>
            {DAILY_METRICS.map((m) => <option key={m} value={m}>{tp(`metrics.${m}`)}</option>)}
          </Select>
        </Field>
        <Field id="file" label={t("file")}>
          <input
            id="file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block min-h-11 w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:text-brand-700"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = "";
              if (f) void onFile(f);
            }}
          />
        </Field>
      </div>
      {step.message ? <p role="alert" className="text-sm text-red-700">{step.message}</p> : null}
    </Card>
  );
}
