import { getTranslations } from "next-intl/server";
import { chinaToday } from "@/lib/time/china";
import { commandRoute } from "@/lib/http/route";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { AUDIT_COLUMNS, auditExportFile, exportAudit } from "@/lib/audit/export";
import { actionName, entityText } from "@/lib/audit/display";

export const dynamic = "force-dynamic";

// An empty known field means "no filter" (the form sends them); an unknown key is refused even empty.
const known = new Set(["format", ...Object.keys(auditQuerySchema.shape)]);

/** The filtered trail as .xlsx or .csv, for auditors; formula-escaped and audited (lib/audit/export.ts). */
export const GET = commandRoute(exportAudit, {
  input: ({ query }) => Object.fromEntries([...query.entries()].filter(([k, v]) => v !== "" || !known.has(k))),
  respond: async (data) => {
    const t = await getTranslations("audit");
    const body = await auditExportFile(data, {
      sheet: t("sheet"),
      headers: Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, t(`columns.${c}`)])) as Record<(typeof AUDIT_COLUMNS)[number], string>,
      yesNo: (ok) => (ok ? t("ok") : t("failed")),
      actionName: (code) => actionName(t, code),
      entity: (row) => entityText(t, row),
    });
    const stamp = chinaToday();
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": data.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="audit-${stamp}.${data.format}"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
