import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { KIND_COLORS, KindBadge } from "@/components/publicity/kind-badge";
import { queryString } from "@/components/publicity/pager";
import { addDays, shiftMonth, chinaToday, monthRange, weekdayMondayFirst } from "@/lib/time/china";
import type { EventDto } from "@/lib/publicity/events";

const SHOWN_PER_DAY = 3;

/** A month of events: a Monday-first grid on a desk, an agenda of the days with events on a phone. */
export async function EventsCalendar({ month, events, filters }: { month: string; events: EventDto[]; filters: Record<string, string | undefined> }) {
  const [t, format] = await Promise.all([getTranslations("publicity"), getFormatter()]);
  const { from, to } = monthRange(month);
  const byDay = new Map<string, EventDto[]>();
  for (const e of events) byDay.set(e.occurredOn, [...(byDay.get(e.occurredOn) ?? []), e]);
  const lead = weekdayMondayFirst(from);
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = from; d <= to; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const today = chinaToday();
  const dayHref = (day: string) => `/publicity/events${queryString({ ...filters, view: "list", from: day, to: day })}`;
  const monthHref = (m: string) => `/publicity/events${queryString({ ...filters, view: "calendar", month: m })}`;
  const audience = events.reduce((s, e) => s + e.audienceCount, 0);
  const nav = "inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50";
  return (
    <section aria-label={month} data-testid="events-calendar">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <Link className={nav} href={monthHref(shiftMonth(month, -1))}>{t("events.prevMonth")}</Link>
        <p className="text-sm font-medium">{t("events.monthSums", { month, count: events.length, audience: format.number(audience) })}</p>
        <Link className={nav} href={monthHref(shiftMonth(month, 1))}>{t("events.nextMonth")}</Link>
      </div>
      <Card className="hidden overflow-hidden md:block">
        <div className="grid grid-cols-7 border-b border-slate-200 bg-slate-50 text-center text-xs text-slate-500">
          {Array.from({ length: 7 }, (_, i) => <div key={i} className="py-1.5">{t(`events.weekdays.${i}`)}</div>)}
        </div>
        <div className="grid grid-cols-7">
          {cells.map((day, i) => {
            const list = day ? byDay.get(day) ?? [] : [];
            return (
              <div key={day ?? `blank-${i}`} className={cn("min-h-28 border-r border-b border-slate-100 p-1.5 text-xs", !day && "bg-slate-50", day === today && "bg-brand-50")} data-day={day ?? undefined}>
                {day ? (
                  <>
                    <Link href={dayHref(day)} className="mb-1 inline-block font-medium text-slate-700 hover:underline">{Number(day.slice(8))}</Link>
                    <ul className="space-y-0.5">
                      {list.slice(0, SHOWN_PER_DAY).map((e) => (
                        <li key={e.id} className={cn("truncate rounded px-1 py-0.5", KIND_COLORS[e.kind])} title={`${t(`kinds.${e.kind}`)} · ${e.title} · ${e.unitName}`}>
                          {e.title}
                        </li>
                      ))}
                    </ul>
                    {list.length > SHOWN_PER_DAY ? <Link href={dayHref(day)} className="mt-0.5 inline-block text-brand-700">{t("events.more", { n: list.length - SHOWN_PER_DAY })}</Link> : null}
                  </>
                ) : null}
              </div>
            );
          })}
        </div>
      </Card>
      <ol className="space-y-2 md:hidden">
        {[...byDay.entries()].map(([day, list]) => (
          <li key={day}>
            <Card className="p-3">
              <Link href={dayHref(day)} className="text-sm font-medium text-brand-700">{day}（{t(`events.weekdays.${weekdayMondayFirst(day)}`)}）</Link>
              <ul className="mt-1 space-y-1">
                {list.map((e) => (
                  <li key={e.id} className="flex items-start gap-2 text-sm">
                    <KindBadge kind={e.kind} label={t(`kinds.${e.kind}`)} />
                    <span>{e.title}<span className="text-xs text-slate-500"> · {e.unitName}</span></span>
                  </li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  );
}
