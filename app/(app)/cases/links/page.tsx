import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { clusterPeriod, listClusters, showCluster, linkedGroupFigures, pendingLinkProposals } from "@/lib/contacts/queries";
import { FRAUD_CONTACT_KINDS } from "@/lib/contacts/normalize";
import { chinaDayStart } from "@/lib/time/china";
import { unitOptions } from "@/lib/units/picker-options";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/table";
import { Field, Input, Select } from "@/components/ui/field";
import { ClusterGraph, GRAPH_LIMIT } from "@/components/contacts/cluster-graph";
import { ProposalList } from "@/components/contacts/proposal-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("links"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const FILTERS = ["kind", "from", "to", "unit", "minRecords"] as const;
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

/** 串并案: the contacts shared by several records (filters), one contact's cluster (graph and table), and pending 并案 proposals. */
export default async function LinksPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePagePermission("cases:read");
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" && sp[k] !== "" ? (sp[k] as string) : undefined);
  const filters: Partial<Record<(typeof FILTERS)[number], string>> = Object.fromEntries(FILTERS.flatMap((k) => (one(k) === undefined ? [] : [[k, one(k)!]])));
  const contact = one("contact");
  const now = new Date();
  const [t, tc, tw, format, units] = await Promise.all([getTranslations("links"), getTranslations("cases"), getTranslations("warnings"), getFormatter(), unitOptions(actor.scopePath)]);
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short" });
  /** A filter's China days, written as every date of the page is. */
  const periodText = (f: { from?: string; to?: string }) => {
    const { from, to } = clusterPeriod(f, now);
    return t("period", { from: format.dateTime(chinaDayStart(from), { dateStyle: "short" }), to: format.dateTime(chinaDayStart(to), { dateStyle: "short" }) });
  };
  const qs = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...over })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/cases/links?${s}` : "/cases/links";
  };

  if (contact) {
    const { kind: _kind, minRecords: _min, ...period } = filters;
    const cluster = await readForPage(showCluster, actor, { id: contact, ...period }, { now });
    const records = cluster.warnings.length + cluster.cases.length;
    return (
      <div className="space-y-4">
        <Link href={qs({})} className="inline-flex min-h-10 items-center text-sm text-brand-600 hover:underline">← {t("cluster.back")}</Link>
        <PageHeader
          title={t("cluster.title", { contact: `${t(`kind.${cluster.contact.kind}`)} ${cluster.contact.display}` })}
          subtitle={`${period.from || period.to ? periodText(period) : t("allTime")} · ${t("cluster.summary", { warnings: cluster.warnings.length, cases: cluster.cases.length, contacts: cluster.contacts.length })}`}
        />
        {cluster.truncated ? <p className="text-sm text-amber-700">{t("cluster.truncated")}</p> : null}
        <Card className="overflow-x-auto p-4">
          <h2 className="mb-2 text-sm font-semibold">{t("cluster.graph")}</h2>
          {records <= GRAPH_LIMIT ? (
            <ClusterGraph cluster={cluster} day={day} labels={{ contact: t("cluster.legendContact"), warning: t("cluster.legendWarning"), case: t("cluster.legendCase"), title: t("cluster.graph") }} />
          ) : <p className="text-sm text-slate-500">{t("cluster.graphTooBig", { n: GRAPH_LIMIT })}</p>}
        </Card>
        <h2 className="text-sm font-semibold">{t("cluster.contactsTitle")}</h2>
        <DataTable head={<><th className={th}>{t("table.contact")}</th><th className={th}>{t("table.records")}</th></>} testId="cluster-contacts">
          {cluster.contacts.map((c) => (
            <tr key={c.id}>
              <td className={td}><Badge>{t(`kind.${c.kind}`)}</Badge> <Link href={qs({ contact: c.id })} className="font-mono text-brand-700 hover:underline">{c.display}</Link></td>
              <td className={td}>{c.records}</td>
            </tr>
          ))}
        </DataTable>
        <h2 className="text-sm font-semibold">{t("cluster.casesTitle")}</h2>
        <DataTable head={<><th className={th}>{t("table.caseNumber")}</th><th className={th}>{t("table.reportedAt")}</th><th className={th}>{t("table.unit")}</th><th className={th}>{t("table.fraudType")}</th><th className={th}>{t("table.status")}</th><th className={th}>{t("table.group")}</th></>} testId="cluster-cases">
          {cluster.cases.map((k) => (
            <tr key={k.id}>
              <td className={td}><Link href={`/cases/${k.id}`} className="font-mono text-brand-700 hover:underline">{k.caseNumber}</Link></td>
              <td className={td}>{day(k.reportedAt)}</td>
              <td className={td}>{k.unitName}</td>
              <td className={td}>{tc(`fraudType.${k.fraudType}`)}</td>
              <td className={td}>{tc(`status.${k.status}`)}</td>
              <td className={td}>{k.groupId ? <Badge tone="blue">{k.groupId.slice(0, 8)}</Badge> : "—"}</td>
            </tr>
          ))}
        </DataTable>
        <h2 className="text-sm font-semibold">{t("cluster.warningsTitle")}</h2>
        <DataTable head={<><th className={th}>{t("table.receivedAt")}</th><th className={th}>{t("table.unit")}</th><th className={th}>{t("table.fraudType")}</th><th className={th}>{t("table.status")}</th><th className={th}>{t("table.sharedContacts")}</th></>} testId="cluster-warnings">
          {cluster.warnings.map((w) => (
            <tr key={w.id}>
              <td className={td}><Link href={`/warnings/${w.id}`} className="text-brand-700 hover:underline">{format.dateTime(new Date(w.receivedAt), { dateStyle: "short", timeStyle: "short" })}</Link></td>
              <td className={td}>{w.unitName}</td>
              <td className={td}>{tw(`fraudType.${w.fraudType}`)}</td>
              <td className={td}>{tw(`status.${w.status}`)}</td>
              <td className={td}>{w.contactIds.length}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    );
  }

  const [{ items }, figures, pending] = await Promise.all([
    readForPage(listClusters, actor, filters, { now }),
    linkedGroupFigures(actor, {}, now),
    pendingLinkProposals(actor),
  ]);
  // A contact opened from the list shows the records of the list's days; its all-time total opens them all.
  const shown = clusterPeriod(filters, now);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} subtitle={t("intro")} />
      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="link-filters">
        <Field id="f-kind" label={t("filters.kind")}>
          <Select id="f-kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">{t("filters.all")}</option>
            {FRAUD_CONTACT_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </Select>
        </Field>
        <Field id="f-from" label={t("filters.from")} hint={t("filters.defaultPeriod")}><Input id="f-from" name="from" type="date" defaultValue={filters.from} /></Field>
        <Field id="f-to" label={t("filters.to")}><Input id="f-to" name="to" type="date" defaultValue={filters.to} /></Field>
        <Field id="f-unit" label={t("filters.unit")}>
          <Select id="f-unit" name="unit" defaultValue={filters.unit ?? ""}>
            <option value="">{t("filters.all")}</option>
            {units.map((u) => <option key={u.code} value={u.code}>{`${"　".repeat(Math.max(0, u.depth - 1))}${u.name}`}</option>)}
          </Select>
        </Field>
        <Field id="f-min" label={t("filters.minRecords")}><Input id="f-min" name="minRecords" type="number" min={2} defaultValue={filters.minRecords ?? "2"} /></Field>
        <div className="flex items-end"><Button type="submit" className="min-h-11">{t("filters.apply")}</Button></div>
      </form>
      <p className="text-sm text-slate-600" data-testid="cluster-period">{periodText(filters)}</p>
      <DataTable
        head={<><th className={th}>{t("table.contact")}</th><th className={th}>{t("table.warnings")}</th><th className={th}>{t("table.cases")}</th><th className={th}>{t("table.records")}</th><th className={th}>{t("table.total")}</th><th className={th}>{t("table.lastAt")}</th></>}
        testId="cluster-list"
      >
        {items.length === 0 ? <tr><td className={td} colSpan={6}>{t("table.empty")}</td></tr> : items.map((r) => (
          <tr key={r.id} data-contact={r.id}>
            <td className={td}><Badge>{t(`kind.${r.kind}`)}</Badge> <Link href={qs({ contact: r.id, ...shown })} className="font-mono text-brand-700 hover:underline">{r.display}</Link></td>
            <td className={td}>{r.warnings}</td>
            <td className={td}>{r.cases}</td>
            <td className={`${td} font-semibold`}>{r.records}</td>
            <td className={td}><Link href={qs({ contact: r.id, from: undefined, to: undefined })} className="text-brand-700 hover:underline">{r.totalRecords}</Link></td>
            <td className={td}>{r.lastAt ? day(r.lastAt) : "—"}</td>
          </tr>
        ))}
      </DataTable>
      <Card className="p-4">
        <h2 className="mb-1 text-sm font-semibold">{t("figures.title")}</h2>
        <p className="text-sm text-slate-700" data-testid="linked-figures">{t("figures.text", { filed: figures.filed, once: figures.filedCountingGroupsOnce, groups: figures.groups })}</p>
      </Card>
      <Card className="p-4">
        <h2 className="mb-2 text-sm font-semibold">{t("link.pending")}</h2>
        <ProposalList items={pending} canDecide={can(actor, "cases:approve")} />
      </Card>
    </div>
  );
}
