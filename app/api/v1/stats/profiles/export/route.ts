import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { queryObject } from "@/lib/stats/schemas";
import { commandRoute } from "@/lib/http/route";
import { exportVictimProfile } from "@/lib/profiles/queries";
import { profileCsv } from "@/lib/profiles/export";

/** Victim profiles of a period and unit as CSV (aggregates only; audited). */
export const GET = commandRoute(exportVictimProfile, {
  input: ({ query }) => queryObject(query),
  respond: async (profile, req) => {
    const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(req.headers.get("cookie") ?? "")?.[1];
    const { csv, filename } = await profileCsv(profile, toLocale(cookie));
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="profiles.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "no-store",
      },
    });
  },
});
