import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { buildStatsWorkbook } from "@/lib/stats/export";
import { queryObject } from "@/lib/stats/schemas";
import { commandRoute } from "@/lib/http/route";
import { exportStats } from "@/lib/stats/summary";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Every statistics table of a period and unit as an .xlsx workbook (aggregates only; audited). */
export const GET = commandRoute(exportStats, {
  // A repeated key stays an array and fails the schema.
  input: ({ query }) => queryObject(query),
  respond: async (ctx, req) => {
    const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(req.headers.get("cookie") ?? "")?.[1];
    const { buffer, filename } = await buildStatsWorkbook(ctx, toLocale(cookie));
    return new Response(new Uint8Array(buffer), {
      headers: {
        "content-type": XLSX,
        "content-disposition": `attachment; filename="stats.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "no-store",
      },
    });
  },
});
