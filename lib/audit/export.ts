// The audit trail as a spreadsheet or CSV for auditors: every text cell formula-escaped
// (SECURITY.md C14), capped in size, and the export itself audited (E19).
import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { allAudit, type AuditRow } from "@/lib/audit/queries";
import { csvLine } from "@/lib/export/csv";
import { buildXlsx, type SheetColumn } from "@/lib/export/xlsx";
import { chinaDateTime as chinaTime } from "@/lib/time/china";
import { command } from "@/lib/commands/command";
import { auditQuerySchema, exportFormatSchema } from "@/lib/audit/schemas";

export const AUDIT_EXPORT_LIMIT = 50_000;

export const AUDIT_COLUMNS = ["id", "at", "actor", "role", "unit", "ip", "actionName", "action", "entity", "entityType", "entityId", "success", "requestId", "details"] as const;
export type AuditColumn = (typeof AUDIT_COLUMNS)[number];


export type ExportLabels = {
  sheet: string;
  headers: Record<AuditColumn, string>;
  yesNo: (ok: boolean) => string;
  /** The action's name (登录 for auth.login); the code when not given. */
  actionName?: (code: string) => string;
  /** The record as people name it (a case number); the label's text when not given. */
  entity?: (row: AuditRow) => string;
};

function cells(r: AuditRow, labels: ExportLabels): Record<AuditColumn, string> {
  return {
    id: r.id, at: chinaTime(r.at), actor: r.actorName ?? "", role: r.role ?? "", unit: r.unitName ? `${r.unitName}（${r.unitCode}）` : "",
    ip: r.ip ?? "", actionName: labels.actionName?.(r.action) ?? r.action, action: r.action,
    entity: labels.entity?.(r) ?? r.entity?.text ?? "", entityType: r.entityType ?? "", entityId: r.entityId ?? "", success: labels.yesNo(r.success),
    requestId: r.requestId ?? "", details: JSON.stringify(r.details ?? {}),
  };
}

export type AuditExport = { format: "csv" | "xlsx"; rows: AuditRow[]; truncated: boolean };

/** The filtered trail (capped) for the export, with an audit record of the export; `auditExportFile` makes the file. */
export const exportAudit = command({
  name: "audit.export", permission: "audit:read",
  summary: "The filtered audit trail as .xlsx or .csv",
  input: auditQuerySchema.extend({ format: exportFormatSchema.default("xlsx") }).strict(), audit: ["audit.export"],
  async run({ actor, input: { format, before: _before, ...filter }, tx }): Promise<AuditExport> {
    const rows = await allAudit(actor, filter, AUDIT_EXPORT_LIMIT + 1);
    const truncated = rows.length > AUDIT_EXPORT_LIMIT;
    const kept = rows.slice(0, AUDIT_EXPORT_LIMIT);
    await writeAudit(tx, actor, {
      action: "audit.export", success: true, entityType: "AuditLog",
      details: { format, rows: kept.length, truncated, filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) },
    });
    return { format, rows: kept, truncated };
  },
});

/** The export's file: formula-escaped cells, headers and values in the user's language. */
export async function auditExportFile({ format, rows }: AuditExport, labels: ExportLabels): Promise<Buffer> {
  const kept = rows.map((r) => cells(r, labels));
  if (format === "csv") {
    const lines = [csvLine(AUDIT_COLUMNS.map((c) => labels.headers[c])), ...kept.map((c) => csvLine(AUDIT_COLUMNS.map((k) => c[k])))];
    // A BOM so that spreadsheet programs read the CSV as UTF-8.
    return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
  }
  const columns: SheetColumn<Record<AuditColumn, string>>[] = AUDIT_COLUMNS.map((c) => ({
    header: labels.headers[c], width: c === "details" ? 60 : c === "at" ? 20 : 16, value: (row) => row[c],
  }));
  return buildXlsx(labels.sheet, columns, kept);
}
