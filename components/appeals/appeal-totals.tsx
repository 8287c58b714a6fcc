import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { APPEAL_AGGREGATE_KEYS, appealAggregates } from "@/lib/appeals/aggregates";
import { TotalsTable } from "@/components/publicity/totals-table";

/** Received / upheld / revoked / withdrawn in the period and open / due soon / overdue now, per unit. */
export async function AppealTotals({ actor, unit, from, to }: { actor: Actor; unit?: string; from: string; to: string }) {
  const [t, agg] = await Promise.all([getTranslations("appeals"), appealAggregates(actor, { unit, from, to })]);
  return (
    <section className="mt-6">
      <h2 className="text-base font-semibold">{t("list.aggregateTitle")}</h2>
      <p className="mb-3 text-xs text-slate-500">{t("list.aggregateNote")}</p>
      <TotalsTable rows={agg.rows} total={agg.total} columns={APPEAL_AGGREGATE_KEYS.map((key) => ({ key, label: t(`aggregate.${key}`) }))}
        drill={{ path: "/publicity/appeals", params: { from, to } }} testId="appeal-aggregates" />
    </section>
  );
}
