// The audit trail as a spreadsheet or CSV for auditors: every text cell formula-escaped
// (SECURITY.md C14), capped in size, and the export itself audited (E19).
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { allAudit, type AuditRow } from "@/lib/audit/queries";
import type { AuditQuery } from "@/lib/audit/schemas";
import { csvLine } from "@/lib/export/csv";
import { buildXlsx, type SheetColumn } from "@/lib/export/xlsx";
import { chinaDateTime as chinaTime } from "@/lib/time/china";

export const AUDIT_EXPORT_LIMIT = 50_000;

export const AUDIT_COLUMNS = ["id", "at", "actor", "role", "unit", "ip", "actionName", "action", "entity", "entityType", "entityId", "success", "requestId", "details"] as const;
export type AuditColumn = (typeof AUDIT_COLUMNS)[number];


type ExportLabels = {
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

export async function exportAudit(
  actor: Actor,
  query: AuditQuery,
  format: "csv" | "xlsx",
  labels: ExportLabels,
): Promise<{ body: Buffer; rows: number; truncated: boolean }> {
  const { before: _before, ...filter } = query;
  const rows = await allAudit(actor, filter, AUDIT_EXPORT_LIMIT + 1);
  const truncated = rows.length > AUDIT_EXPORT_LIMIT;
  const kept = rows.slice(0, AUDIT_EXPORT_LIMIT).map((r) => cells(r, labels));
  let body: Buffer;
  if (format === "csv") {
    const lines = [csvLine(AUDIT_COLUMNS.map((c) => labels.headers[c])), ...kept.map((c) => csvLine(AUDIT_COLUMNS.map((k) => c[k])))];
    // A BOM so that spreadsheet programs read the CSV as UTF-8.
    body = Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
  } else {
    const columns: SheetColumn<Record<AuditColumn, string>>[] = AUDIT_COLUMNS.map((c) => ({
      header: labels.headers[c], width: c === "details" ? 60 : c === "at" ? 20 : 16, value: (row) => row[c],
    }));
    body = await buildXlsx(labels.sheet, columns, kept);
  }
  await getDb().$transaction((tx) =>
    writeAudit(tx, actor, {
      action: "audit.export", success: true, entityType: "AuditLog",
      details: { format, rows: kept.length, truncated, filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) },
    }),
  );
  return { body, rows: kept.length, truncated };
}
