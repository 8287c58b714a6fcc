import { getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation/parse";
import { exportMeasures } from "@/lib/publicity/measures-export";
import { measuresQuerySchema } from "@/lib/publicity/schemas";
import { chinaToday } from "@/lib/time/china";

export const dynamic = "force-dynamic";

/** The filtered register as .xlsx: masked identities, audited (lib/publicity/measures-export.ts). */
export const GET = apiRoute({ permission: "publicity:read" }, async ({ actor, query }) => {
  const { page: _page, ...q } = parseInput(measuresQuerySchema, Object.fromEntries(query));
  const t = await getTranslations("publicity");
  const { body } = await exportMeasures(actor, q, {
    sheet: t("measures.sheet"),
    headers: {
      unit: t("fields.unit"), person: t("fields.personName"), idNumber: t("fields.personIdNumber"), measure: t("fields.measure"),
      startsOn: t("fields.startsOn"), endsOn: t("fields.endsOn"), state: t("fields.state"), reason: t("fields.reason"), caseNumber: t("fields.caseNumber"),
    },
    measure: (k) => t(`measureKinds.${k}`),
    state: (s) => t(`measureStates.${s}`),
  });
  const name = `measures-${chinaToday()}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
});
