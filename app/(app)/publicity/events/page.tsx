import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { chinaToday } from "@/lib/time/china";
import { eventsOfMonth, listEvents } from "@/lib/publicity/events";
import { eventsQuerySchema, type EventsQuery } from "@/lib/publicity/schemas";
import { scopeUnits } from "@/lib/publicity/units";
import { EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EventsCalendar } from "@/components/publicity/events-calendar";
import { EventsFilter } from "@/components/publicity/events-filter";
import { EventsTable } from "@/components/publicity/events-table";
import { Pager, queryString } from "@/components/publicity/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicity"))("tabs.events") };
}

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePagePermission("publicity:read");
  const parsed = eventsQuerySchema.safeParse(await searchParams);
  const q: EventsQuery = parsed.success ? parsed.data : {};
  const view = q.view ?? "list";
  const month = q.month ?? chinaToday().slice(0, 7);
  const filters = { unit: q.unit, kind: q.kind, group: q.group };
  const [units, t, format] = await Promise.all([scopeUnits(actor), getTranslations("publicity"), getFormatter()]);
  const canWrite = can(actor, "publicity:write");
  const toggle = (v: "list" | "calendar") =>
    cn("inline-flex min-h-10 items-center px-3 text-sm", v === view ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50");

  const header = (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
      <div className="inline-flex overflow-hidden rounded-md border border-slate-300" role="group">
        <Link href={`/publicity/events${queryString({ ...filters, view: "list" })}`} className={toggle("list")} aria-current={view === "list" ? "page" : undefined}>{t("events.list")}</Link>
        <Link href={`/publicity/events${queryString({ ...filters, view: "calendar", month })}`} className={toggle("calendar")} aria-current={view === "calendar" ? "page" : undefined}>{t("events.calendar")}</Link>
      </div>
      {canWrite ? (
        <Link href="/publicity/events/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          {t("events.new")}
        </Link>
      ) : null}
    </div>
  );

  if (view === "calendar") {
    const events = await eventsOfMonth(actor, month, { unit: q.unit, kind: q.kind, targetGroup: q.group });
    return (
      <>
        {header}
        <EventsFilter q={q} units={units} view={view} month={month} />
        <EventsCalendar month={month} events={events} filters={filters} />
      </>
    );
  }

  const result = await listEvents(actor, { unit: q.unit, kind: q.kind, targetGroup: q.group, from: q.from, to: q.to, q: q.q, page: q.page });
  return (
    <>
      {header}
      <EventsFilter q={q} units={units} view={view} month={month} />
      {result.total === 0 ? (
        <EmptyState title={t("events.empty")}>{canWrite ? t("events.emptyHint") : null}</EmptyState>
      ) : (
        <>
          <p className="mb-2 flex flex-wrap items-center gap-x-3 text-sm text-slate-600" data-testid="events-sums">
            {t("events.sums", { count: format.number(result.total), audience: format.number(result.sums.audienceCount), registrations: format.number(result.sums.appRegistrations) })}
            <Link href={`/publicity${queryString({ unit: q.unit, from: q.from, to: q.to })}`} className="inline-flex min-h-10 items-center text-brand-700 hover:underline">{t("events.byUnit")}</Link>
          </p>
          <EventsTable items={result.items} canEdit={canWrite} />
          <Pager
            page={result.page} pageCount={result.pageCount} total={result.total}
            href={(page) => `/publicity/events${queryString({ ...filters, from: q.from, to: q.to, q: q.q, page })}`}
          />
        </>
      )}
    </>
  );
}
