import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { listWarnings, queueCounts } from "@/lib/warnings/queries";
import { queueQuerySchema } from "@/lib/warnings/schemas";
import { listUnits } from "@/lib/units/queries";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { QueueFilters } from "@/components/warnings/queue-filters";
import { TriageQueue } from "@/components/warnings/triage-queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("warnings"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function WarningsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePagePermission("warnings:triage");
  const t = await getTranslations("warnings");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = queueQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : queueQuerySchema.parse({});
  const [page, counts, units] = await Promise.all([listWarnings(actor, query), queueCounts(actor), listUnits(actor)]);
  const filtered = Object.keys(raw).length > 0;
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={<Link href="/warnings/new" className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">{t("newManual")}</Link>}
      />
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="queue-counts">
        {(["PENDING", "ACKNOWLEDGED", "IN_PROGRESS", "overdue"] as const).map((k) => (
          <div key={k} className={`rounded-lg border bg-white p-3 ${k === "overdue" && counts.overdue ? "border-red-300" : "border-slate-200"}`}>
            <p className="text-xs text-slate-500">{t(`counts.${k}`)}</p>
            <p className={`text-2xl font-semibold tabular-nums ${k === "overdue" && counts.overdue ? "text-red-600" : ""}`}>{counts[k] ?? 0}</p>
          </div>
        ))}
      </div>
      <QueueFilters q={parsed.success ? parsed.data : {}} />
      {parsed.success ? null : <p role="alert" className="mb-3 text-sm text-amber-800">{t("filters.invalid")}</p>}
      <TriageQueue
          empty={page.items.length === 0 ? <EmptyState title={filtered ? t("emptyFiltered") : t("empty")} /> : null}
          rows={page.items}
          canDispatch={actor.permissions.has("warnings:triage")}
          units={units.filter((u) => u.active && u.kind !== "CITY").map(({ code, name, depth }) => ({ code, name, depth }))}
      />
    </>
  );
}
