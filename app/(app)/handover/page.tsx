import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { handoverBoard } from "@/lib/handover/queries";
import { chinaLocalInput } from "@/lib/time/china";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/table";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { formatDuration } from "@/components/cases/format";
import { chinaShort } from "@/components/handover/format";
import { HandoverForm } from "@/components/handover/handover-form";
import { AcknowledgeButton } from "@/components/handover/acknowledge-button";
import { UnmatchedCalls } from "@/components/calls/unmatched-calls";
import { readForPage } from "@/lib/commands/page";
import { listCalls } from "@/lib/calls/commands";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handover"))("title") };
}

const th = "px-3 py-2 font-medium whitespace-nowrap";
const td = "px-3 py-2 align-top";

/** 交接班: what the shift hands on, the promises due, who did what today, and the handovers themselves. */
export default async function HandoverPage() {
  const actor = await requirePagePermission("handover:read");
  const board = await handoverBoard(actor);
  const [t, tw, tc] = await Promise.all([getTranslations("handover"), getTranslations("warnings"), getTranslations("cases")]);
  const writer = actor.permissions.has("handover:write");
  const triage = actor.permissions.has("warnings:triage");
  // The 96110 calls that matched no warning: the desk looks them over (dispatchers only).
  const unmatched = triage ? (await readForPage(listCalls, actor, { matched: "false" })).calls : null;
  const stats = [
    { key: "open", n: board.work.open, tone: "slate" },
    { key: "pending", n: board.work.pending, tone: board.work.pending ? "amber" : "slate" },
    { key: "overdue", n: board.work.overdue, tone: board.work.overdue ? "red" : "slate" },
    { key: "critical", n: board.work.critical, tone: board.work.critical ? "red" : "slate" },
    { key: "promised", n: board.work.promised, tone: board.work.missed ? "amber" : "slate" },
  ] as const;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} subtitle={t("subtitle", { scope: actor.unitName })} />
      {writer ? null : <p className="-mt-3 text-sm text-slate-500" data-testid="handover-read-only">{t("readOnly")}</p>}

      {board.awaiting.map((h) => (
        <Card key={h.id} className="border-amber-300 bg-amber-50 p-4" data-testid="handover-awaiting" data-handover-id={h.id}>
          <h2 className="text-base font-semibold text-amber-900">{t("awaiting.title")}</h2>
          <p className="mt-1 text-sm text-slate-700">{t("awaiting.from", { name: h.outgoing, start: chinaShort(h.shiftStart), end: chinaShort(h.shiftEnd) })}</p>
          <p className="mt-1 text-sm text-slate-700">{t("history.snapshotText", h.counts)} · {t("history.doneText", h.counts)}</p>
          {h.note ? <p className="mt-2 rounded-md bg-white px-3 py-2 text-sm whitespace-pre-wrap text-slate-800">{h.note}</p> : null}
          <div className="mt-3"><AcknowledgeButton id={h.id} version={h.version} /></div>
        </Card>
      ))}

      <section aria-labelledby="now-h" className="space-y-2">
        <h2 id="now-h" className="text-base font-semibold">{t("now.title")}</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="handover-now">
          {stats.map((s) => (
            <Card key={s.key} className={cn("p-3", s.tone === "red" && "border-red-300", s.tone === "amber" && "border-amber-300")}>
              <dt className="text-sm text-slate-600">{t(`now.${s.key}`)}</dt>
              <dd className={cn("text-2xl font-semibold tabular-nums", s.tone === "red" ? "text-red-700" : s.tone === "amber" ? "text-amber-700" : "text-slate-900")} data-stat={s.key}>
                {s.n}
              </dd>
              {s.key === "promised" && board.work.missed ? <dd className="text-sm text-amber-700">{t("now.missed", { n: board.work.missed })}</dd> : null}
            </Card>
          ))}
        </dl>
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="overdue-h" className="space-y-2">
          <h2 id="overdue-h" className="text-base font-semibold">{t("overdue.title")}</h2>
          {board.overdue.length === 0 ? (
            <Card className="px-4 py-6 text-center text-sm text-slate-500">{t("overdue.empty")}</Card>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100" data-testid="handover-overdue">
                {board.overdue.map((w) => {
                  const what = <>{tw(`fraudType.${w.fraudType}`)} <span className="text-slate-500">· {w.unitName}</span></>;
                  return (
                    <li key={w.id} className="flex flex-wrap items-center gap-2 px-4 py-2.5 text-sm">
                      <RiskBadge risk={w.riskLevel} />
                      {triage ? <Link href={`/warnings/${w.id}`} className="text-brand-700 hover:underline">{what}</Link> : <span>{what}</span>}
                      <span className="ml-auto font-medium text-red-700">{t("overdue.late", { step: tw(`step.${w.step}`), time: formatDuration(w.minutesLate * 60_000, tc) })}</span>
                    </li>
                  );
                })}
              </ul>
              {board.overdue.length < board.work.overdue ? <p className="border-t border-slate-100 px-4 py-2 text-sm text-slate-500">{t("overdue.more", { n: board.overdue.length })}</p> : null}
            </Card>
          )}
        </section>

        <section aria-labelledby="promises-h" className="space-y-2">
          <h2 id="promises-h" className="text-base font-semibold">{t("promises.title")} <span className="text-sm font-normal text-slate-500">{t("promises.hint")}</span></h2>
          {board.promised.length === 0 ? (
            <Card className="px-4 py-6 text-center text-sm text-slate-500">{t("promises.empty")}</Card>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100" data-testid="handover-promises">
                {board.promised.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center gap-2 px-4 py-2.5 text-sm" data-promise={p.callBack ? "call-back" : "visit"}>
                    <Badge tone={p.callBack ? "blue" : "slate"}>{p.callBack ? t("promises.callBack") : t("promises.visit")}</Badge>
                    <span>{tw(`actionKind.${p.kind}`)} <span className="text-slate-500">· {p.unitName}{p.by ? ` · ${t("promises.by", { name: p.by })}` : ""}</span></span>
                    <span className={cn("ml-auto", p.missed ? "font-medium text-red-700" : "text-slate-600")}>
                      {p.missed ? `${t("promises.missed")} · ` : ""}{t("promises.on", { date: p.on.slice(5) })}
                    </span>
                    {triage && p.warningId ? <Link href={`/warnings/${p.warningId}`} className="text-brand-700 hover:underline">{t("promises.open")}</Link> : null}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </section>
        {unmatched ? <UnmatchedCalls calls={unmatched} /> : null}
      </div>

      {writer ? (
        <Card className="p-4">
          <h2 className="text-base font-semibold">{t("form.title")}</h2>
          {board.myShift && !board.myOpen ? <p className="mt-1 text-sm text-slate-600" data-testid="my-shift">{t("form.myShift", { ...board.myShift, start: chinaShort(board.myShift.start) })}</p> : null}
          <div className="mt-3">
            {board.myOpen ? (
              <p role="status" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="my-open-handover">{t("form.open", { time: chinaShort(board.myOpen.createdAt) })}</p>
            ) : (
              <HandoverForm shiftStart={chinaLocalInput(new Date(board.myShift!.start))} max={chinaLocalInput()} />
            )}
          </div>
        </Card>
      ) : null}

      <section aria-labelledby="workload-h" className="space-y-2">
        <h2 id="workload-h" className="text-base font-semibold">{t("workload.title")}</h2>
        {board.workload.length === 0 ? (
          <EmptyState title={t("workload.empty")} />
        ) : (
          <DataTable
            testId="handover-workload"
            className="min-w-[36rem]"
            head={<>
              <th className={th}>{t("workload.dispatcher")}</th><th className={th}>{t("workload.unit")}</th>
              {(["signed", "dispatched", "resolved", "calls"] as const).map((k) => <th key={k} className={cn(th, "text-right")}>{t(`workload.${k}`)}</th>)}
            </>}
          >
            {board.workload.map((r) => (
              <tr key={r.userId} data-user-id={r.userId} className={r.me ? "bg-brand-50" : undefined}>
                <td className={cn(td, "font-medium")}>{r.name}{r.me ? t("workload.me") : ""}</td>
                <td className={cn(td, "text-slate-600")}>{r.unitName}</td>
                {(["signed", "dispatched", "resolved", "calls"] as const).map((k) => <td key={k} className={cn(td, "text-right tabular-nums")} data-count={k}>{r[k]}</td>)}
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="history-h" className="space-y-2">
        <h2 id="history-h" className="text-base font-semibold">{t("history.title")}</h2>
        {board.history.length === 0 ? (
          <EmptyState title={t("history.empty")} />
        ) : (
          <DataTable
            testId="handover-history"
            className="min-w-[56rem]"
            head={<>
              <th className={th}>{t("history.when")}</th><th className={th}>{t("history.outgoing")}</th><th className={th}>{t("history.shift")}</th>
              <th className={th}>{t("history.snapshot")}</th><th className={th}>{t("history.done")}</th><th className={th}>{t("history.note")}</th><th className={th}>{t("history.incoming")}</th>
            </>}
          >
            {board.history.map((h) => (
              <tr key={h.id} data-handover-id={h.id}>
                <td className={cn(td, "whitespace-nowrap tabular-nums")}>{chinaShort(h.createdAt)}</td>
                <td className={td}><span className="font-medium">{h.outgoing}</span><span className="block text-slate-500">{h.unitName}</span></td>
                <td className={cn(td, "whitespace-nowrap tabular-nums text-slate-600")}>{chinaShort(h.shiftStart)}–{chinaShort(h.shiftEnd).slice(6)}</td>
                <td className={td}>{t("history.snapshotText", h.counts)}</td>
                <td className={td}>{t("history.doneText", h.counts)}</td>
                <td className={cn(td, "max-w-72 whitespace-pre-wrap text-slate-700")}>{h.note ?? "—"}</td>
                <td className={cn(td, "whitespace-nowrap")} data-testid="handover-incoming">
                  {h.acknowledgedBy ? t("history.by", { name: h.acknowledgedBy, time: chinaShort(h.acknowledgedAt!) }) : <Badge tone="amber">{t("history.pending")}</Badge>}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
