import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { getCase } from "@/lib/cases/case-detail";
import { linkChoices, transferTargets } from "@/lib/cases/queries";
import { isTerminal } from "@/lib/cases/state-machine";
import { ApprovalsSection } from "@/components/cases/detail/approvals-section";
import { CaseHeader } from "@/components/cases/detail/case-header";
import { CaseOverview } from "@/components/cases/detail/case-overview";
import { FreezesSection } from "@/components/cases/detail/freezes-section";
import { ItemsSection } from "@/components/cases/detail/items-section";
import { RecoveriesSection } from "@/components/cases/detail/recoveries-section";
import { SuspectsSection } from "@/components/cases/detail/suspects-section";
import { TimelineSection } from "@/components/cases/detail/timeline-section";
import { VictimsSection } from "@/components/cases/detail/victims-section";
import { CaseLinksSection } from "@/components/contacts/case-links-section";
import { personLinksOfVictims } from "@/lib/persons/queries";
import { requestsOf } from "@/lib/requests/queries";
import { RequestsPanel } from "@/components/requests/requests-panel";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

async function load(id: string, now: Date) {
  const actor = await requirePagePermission("cases:read");
  // Missing, outside the jurisdiction (audited), or no case id at all: the same "not found" either way.
  return { actor, c: await readForPage(getCase, actor, { id }, { now }) };
}

export default async function CasePage({ params }: { params: Params }) {
  const now = new Date();
  const { actor, c } = await load((await params).id, now);
  const writer = can(actor, "cases:write");
  const open = !isTerminal(c.status);
  const canWrite = writer && open;
  const canReveal = can(actor, "pii:reveal");
  // Everything else the page shows needs only the case, read in scope above: one round of reads.
  const [t, personLinks, units, choices, requests] = await Promise.all([
    getTranslations("cases"),
    can(actor, "persons:read") ? personLinksOfVictims(actor, c.victims.map((v) => v.id), now) : undefined,
    canWrite ? transferTargets(c.unit.code) : [],
    canWrite ? linkChoices(actor, c.id) : { suspects: [], gangs: [] },
    requestsOf(actor, { caseId: c.id }, now),
  ]);
  const tabs = [
    ["victims", c.victims.length], ["freezes", c.freezes.length], ["suspects", c.suspects.length], ["gangs", c.gangs.length],
    ["contacts", undefined], ["links", undefined], ["items", c.seizedItems.length], ["recoveries", c.recoveries.length], ["approvals", undefined], ["timeline", c.timeline.length],
  ] as const;

  return (
    <div className="space-y-4">
      <Link href="/cases" className="inline-flex min-h-10 items-center text-sm text-brand-600 hover:underline">← {t("backToList")}</Link>
      <CaseHeader c={c} actor={actor} units={units} />
      <CaseOverview c={c} />
      <nav className="sticky top-0 z-10 -mx-1 flex gap-1 overflow-x-auto bg-slate-50/95 px-1 py-2 backdrop-blur" aria-label={t("title")}>
        {tabs.map(([key, n]) => (
          <a key={key} href={`#${key}`} className="inline-flex min-h-11 shrink-0 items-center rounded-md border border-slate-200 bg-white px-3 text-sm text-slate-700 hover:bg-slate-100">
            {t(`detail.sections.${key}`)}
            {n !== undefined ? <span className="ml-1 text-xs text-slate-500">{n}</span> : null}
          </a>
        ))}
      </nav>
      {!writer ? <p className="text-sm text-slate-500">{t("detail.readOnlyNote")}</p> : null}
      <VictimsSection c={c} canWrite={canWrite} canReveal={canReveal} personLinks={personLinks} />
      <FreezesSection c={c} canWrite={canWrite} canUpdate={writer} canReveal={canReveal} now={now} />
      <RequestsPanel from="case" id={c.id} items={requests} canRaise={canWrite} canOpen={canReveal} />
      <SuspectsSection c={c} canWrite={canWrite} canUpdate={writer} canReveal={canReveal} choices={choices} />
      <CaseLinksSection actor={actor} caseId={c.id} canWrite={canWrite} />
      <ItemsSection c={c} canWrite={canWrite} canUpdate={writer} now={now} />
      <RecoveriesSection c={c} canWrite={canWrite} canUpdate={writer} now={now} />
      <ApprovalsSection c={c} />
      <TimelineSection c={c} />
    </div>
  );
}
