import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/actor";
import { listAppeals, mayReadAppeals } from "@/lib/appeals/queries";
import { appealsQuerySchema, type AppealsQuery } from "@/lib/appeals/schemas";
import { totalsQuerySchema } from "@/lib/publicity/schemas";
import { defaultPeriod } from "@/lib/publicity/totals";
import { scopeUnits, type ScopeUnit } from "@/lib/publicity/units";
import { EmptyState } from "@/components/ui/card";
import { Pager, queryString } from "@/components/publicity/pager";
import { PeriodFilter } from "@/components/publicity/period-filter";
import { AppealTotals } from "@/components/appeals/appeal-totals";
import { AppealsFilter } from "@/components/appeals/appeals-filter";
import { AppealsTable } from "@/components/appeals/appeals-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appeals"))("title") };
}

type SearchParams = Record<string, string | string[]>;

export default async function AppealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("publicity:read");
  const [units, raw] = await Promise.all([scopeUnits(actor), searchParams]);
  // Leadership sees figures only: appeals name persons (SECURITY.md B11).
  if (!mayReadAppeals(actor)) {
    const parsed = totalsQuerySchema.safeParse(raw);
    const q = { ...defaultPeriod(), ...(parsed.success ? parsed.data : {}) };
    const unit = q.unit && units.some((u) => u.code === q.unit) ? q.unit : undefined;
    return (
      <>
        <PeriodFilter path="/publicity/appeals" units={units} unit={unit} from={q.from} to={q.to} />
        <AppealTotals actor={actor} unit={unit} from={q.from} to={q.to} />
      </>
    );
  }
  return <Register actor={actor} units={units} raw={raw} />;
}

async function Register({ actor, units, raw }: { actor: Actor; units: ScopeUnit[]; raw: SearchParams }) {
  const parsed = appealsQuerySchema.safeParse(raw);
  const q: AppealsQuery = parsed.success ? parsed.data : {};
  const unit = q.unit && units.some((u) => u.code === q.unit) ? q.unit : undefined;
  const [t, result] = await Promise.all([getTranslations("appeals"), listAppeals(actor, q)]);
  const canWrite = can(actor, "publicity:write");
  const filters = { unit: q.unit, status: q.status, flag: q.flag, measureId: q.measureId };
  const banner = "rounded-md border px-3 py-2 text-sm";
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-2" data-testid="appeal-counts">
        <span className="text-sm text-slate-600">{t("list.counts", result.counts)}</span>
        {result.counts.overdue > 0 ? (
          <Link href={`/publicity/appeals${queryString({ unit: q.unit, flag: "overdue" })}`} role="status" data-testid="appeals-overdue"
            className={`${banner} border-red-300 bg-red-50 text-red-900 hover:bg-red-100`}>{t("list.overdueBanner", { n: result.counts.overdue })}</Link>
        ) : null}
        {result.counts.dueSoon > 0 ? (
          <Link href={`/publicity/appeals${queryString({ unit: q.unit, flag: "dueSoon" })}`} role="status" data-testid="appeals-due-soon"
            className={`${banner} border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100`}>{t("list.dueSoonBanner", { n: result.counts.dueSoon })}</Link>
        ) : null}
      </div>
      <AppealsFilter q={q} units={units} />
      {result.total === 0 ? (
        <EmptyState title={t("list.empty")}>
          {canWrite ? <Link href="/publicity/measures" className="text-brand-700 hover:underline">{t("list.emptyHint")}</Link> : null}
        </EmptyState>
      ) : (
        <>
          <AppealsTable items={result.items} canOpen={canWrite} />
          <Pager page={result.page} pageCount={result.pageCount} total={result.total} href={(page) => `/publicity/appeals${queryString({ ...filters, page })}`} />
        </>
      )}
      <AppealTotals actor={actor} unit={unit} {...defaultPeriod()} />
    </>
  );
}
