import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { totalsQuerySchema } from "@/lib/publicity/schemas";
import { TOTAL_KEYS, unitTotals } from "@/lib/publicity/totals";
import { scopeUnits } from "@/lib/publicity/units";
import { Card, EmptyState } from "@/components/ui/card";
import { PeriodFilter } from "@/components/publicity/period-filter";
import { TotalsTable } from "@/components/publicity/totals-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("title") };
}

const CARDS = ["events", "audience", "appRegistrations", "consultations", "measures", "campaignsCertified"] as const;

export default async function PublicityOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePagePermission("publicity:read");
  const parsed = totalsQuerySchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : {};
  const [units, t, format] = await Promise.all([scopeUnits(actor), getTranslations("publicity"), getFormatter()]);
  const unit = q.unit && units.some((u) => u.code === q.unit) ? q.unit : undefined;
  const totals = await unitTotals(actor, { ...q, unit });
  const empty = TOTAL_KEYS.every((k) => totals.total[k] === 0);
  return (
    <>
      <PeriodFilter path="/publicity" units={units} unit={unit} from={totals.from} to={totals.to} />
      <h2 className="mb-1 text-base font-semibold">{t("overview.heading")}</h2>
      <p className="mb-3 text-sm text-slate-500">{t("overview.period", { from: totals.from, to: totals.to, unit: totals.root.name })}</p>
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {CARDS.map((k) => (
          <Card key={k} className="p-3" data-testid={`card-${k}`}>
            <p className="text-xs text-slate-500">{t(`overview.cards.${k}`)}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">{format.number(totals.total[k])}</p>
          </Card>
        ))}
      </div>
      {empty ? (
        <EmptyState title={t("overview.empty")}>{t("overview.emptyHint")}</EmptyState>
      ) : (
        <>
          <TotalsTable
            rows={totals.rows}
            total={totals.total}
            columns={TOTAL_KEYS.map((key) => ({ key, label: t(`overview.columns.${key}`) }))}
            drill={{ path: "/publicity", params: { from: totals.from, to: totals.to } }}
            testId="unit-totals"
          />
          <p className="mt-2 text-xs text-slate-500">{t("overview.note")}</p>
        </>
      )}
    </>
  );
}
