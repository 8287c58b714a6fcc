import { apiRoute } from "@/lib/http/route";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { parseInput } from "@/lib/validation/parse";
import { auditStatsExport, buildStatsWorkbook } from "@/lib/stats/export";
import { queryObject, statsQuerySchema } from "@/lib/stats/schemas";
import { loadStatsContext } from "@/lib/stats/summary";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Every statistics table of a period and unit as an .xlsx workbook (aggregates only; audited). */
export const GET = apiRoute({ permission: "stats:read" }, async ({ req, actor, query }) => {
  const ctx = await loadStatsContext(actor, parseInput(statsQuerySchema, queryObject(query)));
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(req.headers.get("cookie") ?? "")?.[1];
  const { buffer, filename } = await buildStatsWorkbook(ctx, toLocale(cookie));
  await auditStatsExport(actor, ctx);
  return new Response(new Uint8Array(buffer), {
    headers: {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="stats.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
    },
  });
});
