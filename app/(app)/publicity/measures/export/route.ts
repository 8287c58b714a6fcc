import { getTranslations } from "next-intl/server";
import { exportMeasures } from "@/lib/publicity/measures-export";
import { chinaToday } from "@/lib/time/china";
import { commandRoute } from "@/lib/http/route";
import { measuresWorkbook } from "@/lib/publicity/measures-export";

export const dynamic = "force-dynamic";

/** The filtered register as .xlsx: masked identities, audited (lib/publicity/measures-export.ts). */
export const GET = commandRoute(exportMeasures, {
  respond: async (rows) => {
    const t = await getTranslations("publicity");
    const body = await measuresWorkbook(rows, {
      sheet: t("measures.sheet"),
      headers: {
        unit: t("fields.unit"), person: t("fields.personName"), idNumber: t("fields.personIdNumber"), measure: t("fields.measure"),
        startsOn: t("fields.startsOn"), endsOn: t("fields.endsOn"), state: t("fields.state"), reason: t("fields.reason"), caseNumber: t("fields.caseNumber"),
      },
      measure: (k) => t(`measureKinds.${k}`),
      state: (s) => t(`measureStates.${s}`),
    });
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="measures-${chinaToday()}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
