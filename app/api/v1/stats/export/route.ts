import { getDb } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { apiRoute } from "@/lib/http/route";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { parseInput } from "@/lib/validation/parse";
import { buildStatsWorkbook } from "@/lib/stats/export";
import { queryObject, statsQuerySchema } from "@/lib/stats/schemas";
import { loadStatsContext } from "@/lib/stats/summary";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Every statistics table of a period and unit as an .xlsx workbook (aggregates only; audited). */
export const GET = apiRoute({ permission: "stats:read" }, async ({ req, actor, query }) => {
  const ctx = await loadStatsContext(actor, parseInput(statsQuerySchema, queryObject(query)));
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(req.headers.get("cookie") ?? "")?.[1];
  const { buffer, filename } = await buildStatsWorkbook(ctx, toLocale(cookie));
  await getDb().$transaction((tx) =>
    writeAudit(tx, actor, {
      action: "stats.export",
      success: true,
      entityType: "stats",
      entityId: ctx.scope.unit.code,
      details: { from: ctx.period.current.from, to: ctx.period.current.to },
    }),
  );
  return new Response(new Uint8Array(buffer), {
    headers: {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="stats.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
    },
  });
});
