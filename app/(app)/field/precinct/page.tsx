import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { readForPage } from "@/lib/commands/page";
import { requireFieldPage } from "@/lib/field/guard";
import { precinctView } from "@/lib/field/precinct-view";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { SlaCountdown } from "@/components/warnings/sla-countdown";
import { LiveIndicator } from "@/components/warnings/live-status";
import { FollowUpBadge } from "@/components/field/task-cards";
import { RevisitDueBadge } from "@/components/revisits/revisit-card";
import { listTransfers } from "@/lib/warnings/transfers";
import { TransferList } from "@/components/warnings/transfer-panel";
import { actionResultKey } from "@/lib/warnings/action-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("field"))("precinct.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 本所概况: today's visits, open warnings per officer, breaching SLAs. */
export default async function PrecinctPage({ searchParams }: Props) {
  const actor = await requireFieldPage();
  const v = await readForPage(precinctView, actor, await searchParams);
  const [t, tw, tr, tt, ta, format, incoming] = await Promise.all([
    getTranslations("field"), getTranslations("warnings"), getTranslations("revisits"), getTranslations("transfers"), getTranslations("appfollowups"), getFormatter(),
    listTransfers(actor, { direction: "incoming", status: "PROPOSED" }),
  ]);
  const awaiting = incoming.filter((x) => x.canDecide);
  const money = (s: string) => format.number(Number(s), { style: "currency", currency: "CNY" });
  const stat = (label: string, value: string | number, testId: string) => (
    <Card className="p-3">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-lg font-semibold tabular-nums" data-testid={testId}>{value}</p>
    </Card>
  );

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      {actor.permissions.has("warnings:work") ? <Link href="/field" className="inline-flex min-h-11 items-center text-base text-brand-600">← {t("title")}</Link> : null}
      <div>
        <h1 className="text-xl font-semibold">{t("precinct.title")}</h1>
        <p className="text-sm text-slate-500">{t("precinct.subtitle", { unit: v.unit.name, date: v.today })} <LiveIndicator /></p>
      </div>

      {awaiting.length ? (
        <section aria-labelledby="transfers-h" className="space-y-2">
          <h2 id="transfers-h" className="flex items-center justify-between text-base font-semibold">
            {tt("incoming")} <Link href="/transfers" className="inline-flex min-h-11 items-center text-sm font-normal text-brand-600">{tt("all")}</Link>
          </h2>
          <Card className="px-3"><TransferList rows={awaiting} empty={tt("noneIncoming")} testId="precinct-transfers" /></Card>
        </section>
      ) : null}

      <section aria-labelledby="today-h" className="space-y-2">
        <h2 id="today-h" className="text-base font-semibold">{t("precinct.today")}</h2>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {stat(t("precinct.visits"), v.totals.visits, "stat-visits")}
          {stat(t("precinct.protected"), money(v.totals.amountProtected), "stat-protected")}
          {stat(t("precinct.apps"), v.totals.appRegistrations, "stat-apps")}
          {stat(t("precinct.breachesToday"), v.totals.breachesToday, "stat-breaches")}
        </div>
        {v.visits.length === 0 ? <EmptyState title={t("precinct.noVisits")}>{t("precinct.noVisitsHint")}</EmptyState> : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="today-visits">
            {v.visits.map((x) => (
              <li key={x.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <span className="tabular-nums text-slate-500">{format.dateTime(new Date(x.occurredAt), { timeStyle: "short" })}</span>
                <span className="font-medium">{tw(`actionKind.${x.kind}`)}</span>
                <span>{tw(actionResultKey(x.kind, x.result))}</span>
                <span>{x.person}</span>
                {x.bankName ? <span className="text-slate-600">{x.bankName}</span> : null}
                {Number(x.amountProtected) > 0 ? <span className="text-green-700">{money(x.amountProtected)}</span> : null}
                {x.appRegistered ? <Badge tone="green">{t("precinct.app")}</Badge> : null}
                <span className="text-slate-500">{x.officer ?? "—"}</span>
                {x.warningId ? <Link href={`/field/warnings/${x.warningId}`} className="inline-flex min-h-11 min-w-11 items-center justify-center px-2 text-brand-600">{t("precinct.view")}</Link> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="officers-h" className="space-y-2">
        <h2 id="officers-h" className="text-base font-semibold">{t("precinct.byOfficer")}</h2>
        {v.byOfficer.length === 0 ? <EmptyState title={t("precinct.noOpen")} /> : (
          <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm" data-testid="by-officer">
            <thead className="bg-slate-50 text-left text-xs text-slate-500">
              <tr><th className="px-3 py-2 font-medium">{t("precinct.officer")}</th><th className="px-3 py-2 text-right font-medium">{t("precinct.open")}</th><th className="px-3 py-2 text-right font-medium">{t("precinct.overdue")}</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {v.byOfficer.map((o) => (
                <tr key={o.officerId ?? "none"}>
                  <td className="px-3 py-2.5">{o.officerId ? o.name : <span className="font-medium text-amber-700">{t("card.unclaimed")}</span>}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{o.open}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{o.overdue ? <span className="font-semibold text-red-700">{o.overdue}</span> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="breach-h" className="space-y-2">
        <h2 id="breach-h" className="text-base font-semibold">{t("precinct.breaching")} <Badge tone={v.breaching.length ? "red" : "green"}>{v.breaching.length}</Badge></h2>
        {v.breaching.length === 0 ? <EmptyState title={t("precinct.noBreaching")} /> : (
          <ul className="space-y-2" data-testid="breaching">
            {v.breaching.map((w) => (
              <li key={w.id} className="rounded-lg border border-red-200 bg-white p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <RiskBadge risk={w.riskLevel} />
                  <Badge>{tw(`status.${w.status}`)}</Badge>
                  {w.sla ? <SlaCountdown dueAt={w.sla.dueAt} startedAt={w.receivedAt} step={w.sla.step} /> : null}
                </div>
                <Link href={`/field/warnings/${w.id}`} className="mt-1 flex min-h-11 items-center gap-2 text-base">
                  <span>{tw(`fraudType.${w.fraudType}`)}</span>
                  <span className="text-slate-600">{w.victimName}</span>
                  <span className="text-sm text-slate-500">{w.assignee?.displayName ?? t("card.unclaimed")}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="revisits-h" className="space-y-2" data-testid="precinct-revisits">
        <h2 id="revisits-h" className="text-base font-semibold">{tr("precinct.title")}</h2>
        <div className="grid grid-cols-3 gap-2">
          {stat(tr("precinct.dueToday"), v.revisits.dueToday, "stat-revisits-today")}
          {stat(tr("precinct.overdue"), v.revisits.overdue, "stat-revisits-overdue")}
          {stat(tr("precinct.doneToday"), v.revisits.doneToday, "stat-revisits-done")}
        </div>
        {v.revisits.list.length === 0 ? <EmptyState title={tr("precinct.empty")}>{tr("precinct.emptyHint")}</EmptyState> : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {v.revisits.list.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <RevisitDueBadge r={r} />
                <span>{tr("sequence", { n: r.sequence })}</span>
                <span>{r.personName ?? "—"}</span>
                <span className="text-slate-500">{r.officer ?? tr("noOfficer")}</span>
                {/* Officers and the dispatchers over the unit record it (the centre's own revisits too). */}
                <Link href={`/field/revisits/${r.id}`} className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md bg-brand-600 px-3 font-medium text-white" data-testid="revisit-record">{tr("record")}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {v.appFollowUps.length ? (
        <section aria-labelledby="app-followups-h" className="space-y-2" data-testid="precinct-app-followups">
          <h2 id="app-followups-h" className="text-base font-semibold">{ta("section")} <Badge tone="amber">{v.appFollowUps.length}</Badge></h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {v.appFollowUps.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <span>{f.personName ?? "—"}</span>
                <span className="font-mono text-slate-600">{f.personPhone}</span>
                <span className="text-slate-500">{f.officer ?? ta("noOfficer")}</span>
                <Link href={`/field/app-followups/${f.id}`} className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md bg-brand-600 px-3 font-medium text-white">{ta("record")}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {v.revisitUnits ? (
        <section aria-labelledby="revisit-units-h" className="space-y-2">
          <h2 id="revisit-units-h" className="text-base font-semibold">{tr("precinct.byUnit")}</h2>
          {v.revisitUnits.length === 0 ? <EmptyState title={tr("precinct.byUnitEmpty")} /> : (
            <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm" data-testid="revisit-units">
              <thead className="bg-slate-50 text-left text-xs text-slate-500">
                <tr><th className="px-3 py-2 font-medium">{tr("precinct.unit")}</th><th className="px-3 py-2 text-right font-medium">{tr("precinct.dueToday")}</th><th className="px-3 py-2 text-right font-medium">{tr("precinct.overdue")}</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {v.revisitUnits.map((u) => (
                  <tr key={u.code}>
                    <td className="px-3 py-1"><Link href={`/field/precinct?unit=${u.code}`} className="inline-flex min-h-11 items-center text-brand-600">{u.name}</Link></td>
                    <td className="px-3 py-1 text-right tabular-nums">{u.dueToday}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{u.overdue ? <span className="font-semibold text-red-700">{u.overdue}</span> : 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}

      {v.missedFollowUps.length ? (
        <section aria-labelledby="missed-h" className="space-y-2">
          <h2 id="missed-h" className="text-base font-semibold">{t("precinct.missedFollowUps")}</h2>
          <ul className="space-y-2">
            {v.missedFollowUps.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-red-200 bg-white px-3 py-2 text-sm">
                <FollowUpBadge f={f} />
                <Link href={f.warningId ? `/field/warnings/${f.warningId}` : `/field/follow-ups/${f.id}`} className="inline-flex min-h-11 items-center text-brand-600">{f.personName} · {f.scheduledBy ?? "—"}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
