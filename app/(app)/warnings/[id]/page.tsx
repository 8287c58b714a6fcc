import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { showWarning } from "@/lib/warnings/queries";
import { unitOptions } from "@/lib/units/picker-options";
import { formatSpan } from "@/lib/i18n/duration";
import { Badge, Card } from "@/components/ui/card";
import { RevealButton } from "@/components/pii/reveal-button";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { SlaCountdown } from "@/components/warnings/sla-countdown";
import { WarningActions } from "@/components/warnings/warning-actions";
import { LiveIndicator } from "@/components/warnings/live-status";
import { personLinkOf } from "@/lib/persons/queries";
import { PersonLink } from "@/components/persons/person-link";
import { revealAction } from "../actions";
import { warningContacts } from "@/lib/contacts/queries";
import { ContactList } from "@/components/contacts/contact-list";
import { revisitsOfWarning } from "@/lib/revisits/queries";
import { RevisitHistory } from "@/components/revisits/revisit-history";
import { transferTargets } from "@/lib/warnings/transfers";
import { TransferBlock } from "@/components/warnings/transfer-block";
import { requestsOf } from "@/lib/requests/queries";
import { RequestsPanel } from "@/components/requests/requests-panel";
import { ladderHistory } from "@/components/warnings/ladder-history";
import { actionResultKey } from "@/lib/warnings/action-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("warnings"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ do?: string }> };

export default async function WarningPage({ params, searchParams }: Props) {
  const actor = await requirePagePermission("warnings:read");
  const w = await readForPage(showWarning, actor, { id: (await params).id });
  // 移交: whoever works the warning's unit offers it while it is open and no transfer is pending.
  const works = actor.permissions.has("warnings:triage") || (actor.permissions.has("warnings:work") && actor.unitId === w.unit.id);
  const openTransfer = w.transfers.find((x) => x.status === "PROPOSED");
  // Everything else the page shows needs only the warning, read in scope above: one round of reads.
  // 串并案: the contacts and requests are behind the case permission (the counts reach into cases).
  const [t, tc, tl, tt, format, units, { do: initial }, revisits, personLink, contacts, requests, targets] = await Promise.all([
    getTranslations("warnings"), getTranslations("common"), getTranslations("links"), getTranslations("transfers"), getFormatter(),
    actor.permissions.has("warnings:triage") ? unitOptions(actor.scopePath) : [], searchParams, revisitsOfWarning(actor, w.id),
    actor.permissions.has("persons:read") ? personLinkOf(actor, { warningId: w.id }) : null,
    actor.permissions.has("cases:read") ? warningContacts(actor, { id: w.id }) : null,
    actor.permissions.has("cases:read") ? requestsOf(actor, { warningId: w.id }) : null,
    works && !openTransfer && w.status !== "RESOLVED" ? transferTargets(actor) : [],
  ]);
  const dt = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" }) : "—");
  const canReveal = actor.permissions.has("pii:reveal");
  const pii = (field: "victimName" | "victimPhone" | "victimIdNumber" | "victimAddress", masked: string | null) =>
    !masked ? "—" : canReveal ? <RevealButton masked={masked} reveal={revealAction.bind(null, w.id, field)} /> : <span className="font-mono">{masked}</span>;
  const ladder = [
    { step: "ACK", due: w.ackDueAt, done: w.acknowledgedAt },
    { step: "CONTACT", due: w.contactDueAt, done: w.firstContactAt },
    { step: "RESOLVE", due: w.resolveDueAt, done: w.resolvedAt },
  ] as const;
  const breached = new Set(w.breaches.map((b) => b.step));
  const transferTo = (x: (typeof w.transfers)[number]) => (x.external ? tt("externalTo", { destination: x.destination ?? "" }) : x.toUnit.name);
  const history = [
    ...w.transitions.filter((x) => x.fromStatus).map((x) => ({
      key: x.id, at: x.at,
      text: `${t(`status.${x.fromStatus!}`)} → ${t(`status.${x.toStatus}`)}${x.outcome ? `（${t(`outcome.${x.outcome}`)}）` : ""}${x.actor ? ` · ${x.actor}` : ""}${x.note ? ` · ${x.note}` : ""}`,
    })),
    ...w.transfers.flatMap((x) => [
      { key: `${x.id}:p`, at: x.proposedAt, text: tt("history.proposed", { by: x.proposedBy ?? "", from: x.fromUnit.name, to: transferTo(x), reason: x.reason }) },
      ...(x.decidedAt && x.status !== "PROPOSED" ? [{
        key: `${x.id}:d`, at: x.decidedAt,
        text: x.status === "ACCEPTED" ? tt(x.external ? "history.acceptedExternal" : "history.accepted", { by: x.decidedBy ?? "", to: transferTo(x) })
          : x.status === "RETURNED" ? tt("history.returned", { by: x.decidedBy ?? "", to: x.toUnit.name, reason: x.returnReason ?? "" })
          : tt("history.cancelled", { by: x.decidedBy ?? "" }),
      }] : []),
    ]),
    // 劝阻阶梯: every rung fired and answered, the hand-over to people included.
    ...ladderHistory(w.ladderEvents, t),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <div className="space-y-5">
      <Link href="/warnings" className="text-sm text-brand-600 hover:underline">← {t("detail.back")} (Esc)</Link>
      <div className="flex flex-wrap items-center gap-3">
        <RiskBadge risk={w.riskLevel} />
        <h1 className="text-xl font-semibold">{t(`fraudType.${w.fraudType}`)} · <span className="font-mono">{w.victimPhone}</span></h1>
        <Badge tone={w.status === "RESOLVED" ? "green" : "blue"}><span data-testid="warning-status">{t(`status.${w.status}`)}</span></Badge>
        {w.outcome ? <Badge tone={w.outcome === "DISSUADED" ? "green" : "amber"}>{t(`outcome.${w.outcome}`)}</Badge> : null}
        {w.repeatCount ? <Badge tone="red">×{w.repeatCount + 1}</Badge> : null}
        {w.sla ? <SlaCountdown dueAt={w.sla.dueAt} startedAt={w.receivedAt} step={w.sla.step} /> : null}
        <span className="ml-auto"><LiveIndicator /></span>
      </div>

      <Card className="p-4">
        <WarningActions
          id={w.id}
          status={w.status}
          version={w.version}
          unit={w.unit}
          canDispatch={actor.permissions.has("warnings:triage")}
          units={units}
          initial={initial === "call" || initial === "resolve" ? initial : undefined}
        />
        <TransferBlock warningId={w.id} version={w.version} transfers={w.transfers} targets={targets} />
      </Card>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card className="p-4">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-sm font-semibold">{t("detail.victim")}</h2>
            <PersonLink link={personLink} />
          </div>
          <dl className="grid grid-cols-[7rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">{t("detail.name")}</dt><dd>{pii("victimName", w.victimName)}</dd>
            <dt className="text-slate-500">{t("detail.phone")}</dt><dd>{pii("victimPhone", w.victimPhone)}</dd>
            <dt className="text-slate-500">{t("detail.idNumber")}</dt><dd>{pii("victimIdNumber", w.victimIdNumber)}</dd>
            <dt className="text-slate-500">{t("detail.age")}</dt><dd>{w.victimAge ?? "—"} {w.victimGender ? t(`gender.${w.victimGender}`) : ""}</dd>
            <dt className="text-slate-500">{t("detail.address")}</dt><dd>{pii("victimAddress", w.victimAddress)}</dd>
            <dt className="text-slate-500">{t("detail.contact")}</dt><dd>{t(`channel.${w.contactChannel}`)} <span className="font-mono">{w.contactValue}</span></dd>
            <dt className="text-slate-500">{t("detail.amountAtRisk")}</dt><dd>{w.amountAtRisk ? format.number(Number(w.amountAtRisk), { style: "currency", currency: "CNY" }) : "—"}</dd>
            <dt className="text-slate-500">{t("detail.note")}</dt><dd className="whitespace-pre-wrap">{w.note ?? "—"}</dd>
            <dt className="text-slate-500">{t("detail.externalId")}</dt><dd className="font-mono text-xs">{t(`source.${w.source}`)} · {w.externalId}</dd>
            <dt className="text-slate-500">{t("detail.routing")}</dt><dd>{w.unit.name} · {t(`routedBy.${w.routedBy}`)}</dd>
            {w.dispatchNote ? (<><dt className="text-slate-500">{t("dispatch.note")}</dt><dd className="whitespace-pre-wrap" data-testid="dispatch-note">{w.dispatchNote}</dd></>) : null}
            {w.fraudCase ? (<><dt className="text-slate-500">{t("detail.case")}</dt><dd><Link className="text-brand-600 hover:underline" href={`/cases/${w.fraudCase.id}`}>{w.fraudCase.caseNumber}</Link></dd></>) : null}
          </dl>
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold">{t("detail.ladder")}</h2>
          <ol className="space-y-2 text-sm" data-testid="sla-ladder">
            {ladder.map((s) => (
              <li key={s.step} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-100 px-3 py-2">
                <span className="font-medium">{t(`step.${s.step}`)}</span>
                <span className="text-xs text-slate-500">{t("detail.due")} {dt(s.due)}</span>
                <span className="text-xs">{s.done ? `${t("detail.doneAt")} ${dt(s.done)}` : "—"}</span>
                {breached.has(s.step) || (s.done ? s.done > s.due : false) ? <Badge tone="red">{t("detail.breached")}</Badge> : null}
              </li>
            ))}
          </ol>
          <h2 className="mt-5 mb-2 text-sm font-semibold">{t("detail.history")}</h2>
          <ol className="space-y-1 text-xs text-slate-600" data-testid="warning-history">
            <li>{dt(w.receivedAt)} · {t("detail.created")}</li>
            {history.map((x) => <li key={x.key} data-testid={"ladder" in x ? "ladder-event" : undefined}>{dt(x.at)} · {x.text}</li>)}
          </ol>
          <RevisitHistory revisits={revisits} />
        </Card>
      </div>

      {contacts ? (
        <Card className="p-4" data-testid="warning-contacts">
          <h2 className="mb-2 text-sm font-semibold">{tl("contacts.title")}</h2>
          <ContactList items={contacts.items} />
        </Card>
      ) : null}

      <Card className="p-4">
        <h2 className="mb-3 text-sm font-semibold">{t("detail.actions")}</h2>
        {w.actions.length === 0 ? <p className="text-sm text-slate-500">{t("detail.noActions")}</p> : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="action-log">
            {w.actions.map((a) => (
              <li key={a.id} className="flex flex-wrap gap-x-4 gap-y-1 py-2">
                <span className="text-xs text-slate-500">{dt(a.occurredAt)}</span>
                <span className="font-medium">{t(`actionKind.${a.kind}`)}</span>
                <span>{t(actionResultKey(a.kind, a.result))}</span>
                {a.durationSeconds ? <span className="text-xs text-slate-500">{formatSpan(a.durationSeconds * 1000, tc)}</span> : null}
                {Number(a.amountProtected) > 0 ? <span className="text-green-700">{format.number(Number(a.amountProtected), { style: "currency", currency: "CNY" })}</span> : null}
                <span className="text-xs text-slate-500">{a.unit.name}{a.actor ? ` · ${a.actor.displayName}` : ""}</span>
                {a.note ? <span className="w-full text-xs text-slate-600">{a.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
        <h2 className="mt-5 mb-2 text-sm font-semibold">{t("detail.sightings")}</h2>
        {w.sightings.length === 0 ? <p className="text-sm text-slate-500">{t("detail.noSightings")}</p> : (
          <ul className="text-xs text-slate-600">
            {w.sightings.map((s) => (
              <li key={s.id}>
                {dt(s.receivedAt)} · {t(`source.${s.source}`)} · {t(`risk.${s.riskLevel}`)} · <span className="font-mono">{s.externalId}</span>
                {s.victimName ? ` · ${s.victimName}` : ""}
                {s.amountAtRisk ? ` · ${format.number(Number(s.amountAtRisk), { style: "currency", currency: "CNY" })}` : ""}
                {s.note ? <span className="block whitespace-pre-wrap pl-4">{s.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {requests ? (
        <RequestsPanel from="warning" id={w.id} items={requests} canRaise={actor.permissions.has("warnings:triage")} canOpen={actor.permissions.has("pii:reveal")} />
      ) : null}
    </div>
  );
}
