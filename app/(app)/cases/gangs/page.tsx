import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { listGangs } from "@/lib/cases/queries";
import { dismantleGangAction } from "@/app/(app)/cases/actions";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { RecordForm } from "@/components/cases/form-kit";
import { chinaLocalInput } from "@/lib/time/china";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("gangs.title") };
}

/** Gangs of the jurisdiction across cases: members (masked), cases, and 打掉 with its date. */
export default async function GangsPage() {
  const actor = await requirePagePermission("cases:read");
  const [gangs, t, format] = await Promise.all([listGangs(actor), getTranslations("cases"), getFormatter()]);
  const writer = can(actor, "cases:write");
  const now = new Date();
  return (
    <>
      <Link href="/cases" className="inline-flex min-h-10 items-center text-sm text-brand-600 hover:underline">← {t("backToList")}</Link>
      <PageHeader title={t("gangs.title")} subtitle={t("gangs.subtitle")} />
      {gangs.length === 0 ? (
        <EmptyState title={t("gangs.empty")}>{t("gangs.emptyBody")}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {gangs.map((g) => (
            <Card key={g.id} className="p-4" data-gang={g.id}>
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="text-base font-semibold">{g.name}</h2>
                {g.dismantledAt ? <Badge tone="green">{t("gangs.dismantled", { date: format.dateTime(g.dismantledAt, { dateStyle: "medium" }) })}</Badge> : <Badge tone="amber">{t("gangs.active")}</Badge>}
              </div>
              <p className="text-xs text-slate-500">{t("gangs.unit")}：{g.unitName}{g.note ? ` · ${g.note}` : ""}</p>
              <p className="mt-2 text-sm">
                <span className="text-slate-500">{t("gangs.members")}：</span>
                {g.members.length ? g.members.map((m) => `${m.name}（${t(`suspectStatus.${m.status}`)}）`).join("，") : t("detail.none")}
              </p>
              <p className="mt-1 text-sm">
                <span className="text-slate-500">{t("gangs.cases")}：</span>
                {g.cases.map((c) => (
                  <Link key={c.id} href={`/cases/${c.id}`} className="mr-2 font-mono text-xs text-brand-700 hover:underline">{c.caseNumber}</Link>
                ))}
              </p>
              {writer && !g.dismantledAt ? (
                <details className="mt-2">
                  <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700">{t("gangs.dismantle")}</summary>
                  <RecordForm
                    action={dismantleGangAction} hidden={{ id: g.id, version: g.version }} submit={t("gangs.dismantle")} saved={t("gangs.created")}
                    fields={[{ name: "dismantledAt", label: t("gangs.dismantledAt"), type: "datetime-local", defaultValue: chinaLocalInput(now) }]}
                  />
                </details>
              ) : null}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
