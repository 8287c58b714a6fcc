import { getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation/parse";
import { auditQuerySchema, exportFormatSchema } from "@/lib/audit/schemas";
import { AUDIT_COLUMNS, exportAudit } from "@/lib/audit/export";
import { actionName, entityText } from "@/lib/audit/display";
import { chinaToday } from "@/lib/time/china";

export const dynamic = "force-dynamic";

/** The filtered trail as .xlsx or .csv, for auditors; formula-escaped and audited (lib/audit/export.ts). */
export const GET = apiRoute({ permission: "audit:read" }, async ({ actor, query }) => {
  // An empty known field means "no filter" (the form sends them); an unknown key is refused even empty.
  const known = new Set(["format", ...Object.keys(auditQuerySchema.shape)]);
  const { format: rawFormat, ...rest } = Object.fromEntries([...query.entries()].filter(([k, v]) => v !== "" || !known.has(k)));
  const format = parseInput(exportFormatSchema, rawFormat ?? "xlsx");
  const filter = parseInput(auditQuerySchema, rest);
  const t = await getTranslations("audit");
  const { body } = await exportAudit(actor, filter, format, {
    sheet: t("sheet"),
    headers: Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, t(`columns.${c}`)])) as Record<(typeof AUDIT_COLUMNS)[number], string>,
    yesNo: (ok) => (ok ? t("ok") : t("failed")),
    actionName: (code) => actionName(t, code),
    entity: (row) => entityText(t, row),
  });
  const stamp = chinaToday();
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="audit-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
});
