import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { showPerson, type TimelineEntry } from "@/lib/persons/queries";
import { readForPage } from "@/lib/commands/page";
import { labelsOf } from "@/lib/persons/labels";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { RevealButton } from "@/components/pii/reveal-button";
import { ActionButton } from "@/components/ui/action-form";
import { revealIdentifierAction } from "../actions";
import { removeLabelAction } from "@/app/(app)/field/vulnerable/actions";
import { actionResultKey } from "@/lib/warnings/action-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("persons"))("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function PersonPage({ params }: Props) {
  const actor = await requirePagePermission("persons:read");
  const file = await readForPage(showPerson, actor, { id: (await params).id });
  const [t, tw, tc, tp, tv, format, labels] = await Promise.all([
    getTranslations("persons"), getTranslations("warnings"), getTranslations("cases"), getTranslations("publicity"), getTranslations("vulnerable"), getFormatter(), labelsOf(actor, file.id),
  ]);
  const yuan = (v: string) => format.number(Number(v), { style: "currency", currency: "CNY" });
  const canReveal = actor.permissions.has("pii:reveal");
  const canLabel = actor.permissions.has("persons:label");
  const c = file.counts;
  const figures = [
    ["warningsThisMonth", c.warningsThisMonth], ["warningsThisYear", c.warningsThisYear], ["casesAsVictim", c.casesAsVictim],
    ["losses", yuan(c.losses)], ["amountProtected", yuan(c.amountProtected)],
  ] as const;

  const say = (e: TimelineEntry): string => {
    const d = e.detail;
    switch (e.kind) {
      case "WARNING":
        return [d.source === "HOTLINE" ? t("entry.hotline") : tw(`source.${d.source}`), tw(`risk.${d.riskLevel}`), tw(`fraudType.${d.fraudType}`), tw(`status.${d.status}`), d.outcome ? tw(`outcome.${d.outcome}`) : null, d.amount ? yuan(String(d.amount)) : null].filter(Boolean).join(" · ");
      case "REPEAT":
        return [tw(`source.${d.source}`), tw(`risk.${d.riskLevel}`)].join(" · ");
      case "ACTION":
      case "INTERCEPT":
        return [tw(`actionKind.${d.actionKind}`), tw(actionResultKey(String(d.actionKind), String(d.result))), d.bank ? String(d.bank) : null, d.amount ? `${t("entry.protected")} ${yuan(String(d.amount))}` : null, d.appRegistered ? t("entry.app") : null, d.followUpOn ? `${t("entry.followUp")} ${d.followUpOn}` : null].filter(Boolean).join(" · ");
      case "CASE_VICTIM":
        return [String(d.caseNumber), tc(`status.${d.caseStatus}`), d.amount && d.amount !== "0.00" ? `${t("entry.loss")} ${yuan(String(d.amount))}` : null].filter(Boolean).join(" · ");
      case "MEASURE":
        return [tp(`measureKinds.${d.measure}`), d.endsOn ? `${t("entry.until")} ${d.endsOn}` : null].filter(Boolean).join(" · ");
      case "LABEL":
        return [tv(`labels.${d.label}`), tv(`source.${d.source}`), d.community ? String(d.community) : null].filter(Boolean).join(" · ");
    }
  };

  return (
    <div className="space-y-5">
      <Link href="/persons" className="text-sm text-brand-600 hover:underline">← {t("back")}</Link>
      <PageHeader title={<>{t("fileTitle")} · {file.name ?? "—"}</>} subtitle={t("scopeNote")} />
      {labels.length ? (
        <div className="flex flex-wrap gap-2" data-testid="person-labels">{labels.map((l) => <Badge key={l} tone="amber">{tv(`labels.${l}`)}</Badge>)}</div>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-[20rem_1fr]">
        <div className="space-y-5">
          <Card className="p-4">
            <h2 className="mb-3 text-sm font-semibold">{t("identity")}</h2>
            <dl className="grid grid-cols-[5.5rem_1fr] gap-y-2 text-sm" data-testid="person-identity">
              {file.identifiers.map((i) => (
                <div key={i.id} className="contents">
                  <dt className="text-slate-500">{t(`kind.${i.kind}`)}</dt>
                  <dd>{canReveal ? <RevealButton masked={i.masked} reveal={revealIdentifierAction.bind(null, file.id, i.id)} /> : <span className="font-mono">{i.masked}</span>}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card className="p-4">
            <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="person-counts">
              {figures.map(([k, v]) => (
                <div key={k}>
                  <dt className="text-xs text-slate-500">{t(`counts.${k}`)}</dt>
                  <dd className="text-lg font-semibold tabular-nums" data-testid={`count-${k}`}>{v}</dd>
                </div>
              ))}
              <div>
                <dt className="text-xs text-slate-500">{t("counts.app")}</dt>
                <dd>{c.appRegistered ? <Badge tone="green">{t("counts.appYes")}</Badge> : <Badge tone="amber">{t("counts.appNo")}</Badge>}</dd>
              </div>
            </dl>
          </Card>
        </div>
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold">{t("timeline")}</h2>
          <ol className="space-y-2" data-testid="person-timeline">
            {file.timeline.map((e) => (
              <li key={e.key} data-kind={e.kind}>
                <Link href={e.href} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded border border-slate-100 px-3 py-2 text-sm hover:bg-slate-50">
                  <span className="shrink-0 text-xs text-slate-500 tabular-nums sm:w-32">{format.dateTime(new Date(e.at), { dateStyle: "short", timeStyle: "short" })}</span>
                  <Badge tone={e.kind === "CASE_VICTIM" ? "red" : e.kind === "WARNING" || e.kind === "REPEAT" || e.kind === "LABEL" ? "amber" : e.kind === "MEASURE" ? "slate" : "blue"}>{t(`entryKind.${e.kind}`)}</Badge>
                  {/* On a phone the description takes a line of its own, under the date, kind and unit. */}
                  <span className="order-last min-w-0 basis-full sm:order-none sm:basis-0 sm:flex-1">{say(e)}</span>
                  <span className="ml-auto text-xs text-slate-500 sm:ml-0">{e.unit}</span>
                </Link>
                {e.kind === "LABEL" && canLabel ? (
                  <ActionButton action={removeLabelAction} fields={{ id: file.id, labelId: String(e.detail.labelId) }} confirm={tv("removeLabelConfirm")} variant="ghost" namespace="vulnerable">
                    {tv("removeLabel")}
                  </ActionButton>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}
