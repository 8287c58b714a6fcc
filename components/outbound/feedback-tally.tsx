import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/table";
import type { FeedbackTally } from "@/lib/feedback/queries";

const COLUMNS = ["sent", "late", "pending", "overdue", "failed"] as const;

/** Feedback deliveries per source platform against their deadline (lib/feedback/queries.ts feedbackTally). */
export async function FeedbackTallyTable({ tally }: { tally: Record<string, FeedbackTally> }) {
  const [t, tw] = await Promise.all([getTranslations("outbound"), getTranslations("warnings")]);
  const th = "px-3 py-2 font-medium";
  return (
    <DataTable testId="feedback-tally" frame="none" className="min-w-[560px]"
      head={<><th className={th}>{t("feedbackTally.source")}</th>{COLUMNS.map((c) => <th key={c} className={`${th} text-right`}>{t(`feedbackTally.${c}`)}</th>)}</>}>
      {Object.entries(tally).map(([source, n]) => (
        <tr key={source} data-source={source}>
          <td className="whitespace-nowrap px-3 py-2">{tw(`source.${source}`)}</td>
          {COLUMNS.map((c) => (
            <td key={c} className={`px-3 py-2 text-right tabular-nums ${c === "overdue" && n.overdue ? "font-semibold text-red-700" : c === "late" && n.late ? "text-amber-700" : ""}`}>{n[c]}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
