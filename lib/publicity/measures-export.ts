// The register as a spreadsheet: masked identities, formula-escaped text, and an audit record
// of who exported what (SECURITY.md B10, C14, E19).
import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { allMeasures, type MeasureDto } from "@/lib/publicity/measures";
import { buildXlsx, type SheetColumn } from "@/lib/export/xlsx";
import { command } from "@/lib/commands/command";
import { measuresQuerySchema } from "@/lib/publicity/schemas";

export type ExportLabels = {
  sheet: string;
  headers: Record<"unit" | "person" | "idNumber" | "measure" | "startsOn" | "endsOn" | "state" | "reason" | "caseNumber", string>;
  measure: (kind: MeasureDto["measure"]) => string;
  state: (state: MeasureDto["state"]) => string;
};

/** The filtered register (masked) for the export, with an audit record of who exported what; `measuresWorkbook` makes the file. */
export const exportMeasures = command({
  name: "publicity.measures.export", permission: "pii:reveal",
  summary: "The filtered measures register as a spreadsheet (masked identities)",
  // The register names persons: only those who may see personal data export it.
  input: measuresQuerySchema, audit: ["publicity.measures.export"],
  async run({ actor, input: { page: _page, ...q }, tx }): Promise<MeasureDto[]> {
    const rows = await allMeasures(actor, q);
    await writeAudit(tx, actor, {
      action: "publicity.measures.export", success: true, entityType: "DisciplinaryMeasure",
      details: { rows: rows.length, filter: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) },
    });
    return rows;
  },
});

/** The export's .xlsx: formula-escaped text, headers and values in the user's language. */
export async function measuresWorkbook(rows: MeasureDto[], labels: ExportLabels): Promise<Buffer> {
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
  return buildXlsx(labels.sheet, columns, rows);
}
