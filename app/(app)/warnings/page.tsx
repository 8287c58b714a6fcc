import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { listWarnings, queueCounts } from "@/lib/warnings/queries";
import { queueQuerySchema, type QueueQuery } from "@/lib/warnings/schemas";
import { unitOptions } from "@/lib/units/picker-options";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { QueueFilters } from "@/components/warnings/queue-filters";
import { TriageQueue } from "@/components/warnings/triage-queue";
import { transfersAwaiting } from "@/lib/warnings/transfers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("warnings"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The queue's URL for a query (empty values left out), e.g. the next page's. */
function queueHref(q: Partial<Record<keyof QueueQuery, string | number | undefined>>): string {
  const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => v !== undefined && v !== "" && !(k === "status" && v === "open") && !(k === "limit" && v === 50)).map(([k, v]) => [k, String(v)]));
  const s = params.toString();
  return s ? `/warnings?${s}` : "/warnings";
}

const CARDS = [
  { key: "PENDING", query: { status: "PENDING" } },
  { key: "ACKNOWLEDGED", query: { status: "ACKNOWLEDGED" } },
  { key: "IN_PROGRESS", query: { status: "IN_PROGRESS" } },
  { key: "overdue", query: { overdue: "1" } },
] as const;

export default async function WarningsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePagePermission("warnings:triage");
  const t = await getTranslations("warnings");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = queueQuerySchema.safeParse(raw);
  const first = parsed.success ? parsed.data : queueQuerySchema.parse({});
  // A stale or edited cursor: the same view from its first page.
  const list = () =>
    listWarnings(actor, first).then(
      (page) => ({ page, query: first, staleCursor: false }),
      async (e: unknown) => {
        if (!(e instanceof AppError && e.code === "VALIDATION")) throw e;
        const query = { ...first, cursor: undefined };
        return { page: await listWarnings(actor, query), query, staleCursor: true };
      },
    );
  const invalid = !parsed.success;
  const [{ page, query, staleCursor }, counts, options, awaiting, tt] = await Promise.all([
    list(), queueCounts(actor), unitOptions(actor.scopePath), transfersAwaiting(actor), getTranslations("transfers"),
  ]);
  const filtered = Object.keys(raw).some((k) => k !== "cursor");
  const { cursor, ...view } = query;
  const cardActive = (c: (typeof CARDS)[number]) => ("status" in c.query ? query.status === c.query.status : !!query.overdue);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/transfers" data-testid="transfers-link" className={cn("inline-flex min-h-10 items-center rounded-md border bg-white px-4 text-sm hover:bg-slate-50", awaiting ? "border-amber-400 text-amber-800" : "border-slate-300")}>
              {awaiting ? `${tt("incoming")} ${awaiting}` : tt("title")}
            </Link>
            <Link href="/warnings/new" className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">{t("newManual")}</Link>
          </div>
        }
      />
      <nav className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="queue-counts" aria-label={t("counts.label")}>
        {CARDS.map((c) => {
          const active = cardActive(c);
          const red = c.key === "overdue" && counts.overdue > 0;
          return (
            <Link
              key={c.key}
              href={active ? "/warnings" : queueHref(c.query)}
              aria-current={active ? "page" : undefined}
              data-card={c.key}
              className={cn("rounded-lg border bg-white p-3 hover:border-brand-600", red ? "border-red-300" : "border-slate-200", active && "ring-2 ring-brand-600")}
            >
              <p className="text-xs text-slate-500">{t(`counts.${c.key}`)}</p>
              <p className={cn("text-2xl font-semibold tabular-nums", red && "text-red-600")}>{counts[c.key] ?? 0}</p>
            </Link>
          );
        })}
      </nav>
      <QueueFilters q={parsed.success ? query : {}} units={options} />
      {invalid || staleCursor ? <p role="alert" className="mb-3 text-sm text-amber-800">{t(invalid ? "filters.invalid" : "pager.staleCursor")}</p> : null}
      <TriageQueue
          empty={page.items.length === 0 ? <EmptyState title={filtered ? t("emptyFiltered") : t("empty")} /> : null}
          rows={page.items}
          canDispatch={actor.permissions.has("warnings:triage")}
          units={options}
      />
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm" data-testid="queue-pager">
        <span data-testid="queue-total">{t(page.totalCapped ? "pager.totalCapped" : "pager.total", { total: page.total, shown: page.items.length })}</span>
        {cursor ? <Link className="text-brand-600 hover:underline" href={queueHref(view)}>{t("pager.first")}</Link> : null}
        {page.nextCursor ? <Link className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" rel="next" href={queueHref({ ...view, cursor: page.nextCursor })}>{t("pager.next")}</Link> : null}
      </div>
    </>
  );
}
