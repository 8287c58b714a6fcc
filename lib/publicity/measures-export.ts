// The register as a spreadsheet: masked identities, formula-escaped text, and an audit record
// of who exported what (SECURITY.md B10, C14, E19).
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { allMeasures, type MeasureDto } from "@/lib/publicity/measures";
import type { MeasuresQuery } from "@/lib/publicity/schemas";
import { buildXlsx, type SheetColumn } from "@/lib/export/xlsx";

export type ExportLabels = {
  sheet: string;
  headers: Record<"unit" | "person" | "idNumber" | "measure" | "startsOn" | "endsOn" | "state" | "reason" | "caseNumber", string>;
  measure: (kind: MeasureDto["measure"]) => string;
  state: (state: MeasureDto["state"]) => string;
};

export async function exportMeasures(actor: Actor, q: Omit<MeasuresQuery, "page">, labels: ExportLabels): Promise<{ body: Buffer; rows: number }> {
  const rows = await allMeasures(actor, q);
  const h = labels.headers;
  const columns: SheetColumn<MeasureDto>[] = [
    { header: h.unit, width: 22, value: (m) => m.unitName },
    { header: h.person, width: 10, value: (m) => m.personName },
    { header: h.idNumber, width: 22, value: (m) => m.personIdNumber ?? "" },
    { header: h.measure, width: 16, value: (m) => labels.measure(m.measure) },
    { header: h.startsOn, width: 12, value: (m) => m.startsOn },
    { header: h.endsOn, width: 12, value: (m) => m.endsOn ?? "" },
    { header: h.state, width: 10, value: (m) => labels.state(m.state) },
    { header: h.reason, width: 48, value: (m) => m.reason },
    { header: h.caseNumber, width: 22, value: (m) => m.caseNumber ?? "" },
  ];
  const body = await buildXlsx(labels.sheet, columns, rows);
  await getDb().$transaction((tx) =>
    writeAudit(tx, actor, {
      action: "publicity.measures.export", success: true, entityType: "DisciplinaryMeasure",
      details: { rows: rows.length, filter: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) },
    }),
  );
  return { body, rows: rows.length };
}
