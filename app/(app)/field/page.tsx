import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { myTasks } from "@/lib/field/my-tasks";
import { tasksQuerySchema } from "@/lib/field/schemas";
import { Badge, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FollowUpCard, TaskCard } from "@/components/field/task-cards";
import { RevisitCard } from "@/components/revisits/revisit-card";
import { AppFollowUpCard } from "@/components/appfollowups/app-followup-card";
import { LiveIndicator } from "@/components/warnings/live-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("field"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 我的任务: the officer's home, phone first. */
export default async function FieldPage({ searchParams }: Props) {
  const actor = await requirePagePermission("warnings:work");
  const parsed = tasksQuerySchema.safeParse(await searchParams);
  const tasks = await myTasks(actor, parsed.success ? parsed.data : {});
  const [t, tr, ta] = await Promise.all([getTranslations("field"), getTranslations("revisits"), getTranslations("appfollowups")]);
  const due = tasks.followUps.filter((f) => f.state !== "upcoming");
  const upcoming = tasks.followUps.filter((f) => f.state === "upcoming");
  const tabs = (["all", "mine", "unclaimed"] as const).map((k) => ({ k, n: tasks.counts[k] }));
  // In order of urgency: a dispatched warning is someone being defrauded now.
  const sections = [
    { id: "tasks-open", label: t("sections.warnings"), count: tasks.warnings.length },
    { id: "tasks-due", label: t("sections.followUps"), count: due.length },
    { id: "tasks-revisits", label: tr("section"), count: tasks.revisits.length },
    { id: "tasks-app", label: ta("section"), count: tasks.appFollowUps.length },
    { id: "tasks-upcoming", label: t("sections.upcoming"), count: upcoming.length },
  ].filter((x) => x.count > 0);

  return (
    <div className="mx-auto max-w-2xl space-y-5 lg:max-w-5xl">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("subtitle", { unit: actor.unitName })} <LiveIndicator /></p>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 lg:max-w-xl">
        <Link href="/field/intercepts/new" className="inline-flex min-h-12 items-center justify-center rounded-md bg-brand-600 px-3 text-base font-medium text-white">{t("newIntercept")}</Link>
        <Link href="/field/precinct" className="inline-flex min-h-12 items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-base font-medium text-slate-800">{t("precinctLink")}</Link>
        <Link href="/field/vulnerable" className="col-span-2 inline-flex min-h-12 items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-base font-medium text-slate-800">{t("vulnerableLink")}</Link>
      </div>

      {tasks.counts.overdue > 0 || tasks.counts.missedFollowUps > 0 ? (
        <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="overdue-summary">
          {[tasks.counts.overdue > 0 ? t("overdue", { count: tasks.counts.overdue }) : null, tasks.counts.missedFollowUps > 0 ? t("missedFollowUps", { count: tasks.counts.missedFollowUps }) : null].filter(Boolean).join(" · ")}
        </p>
      ) : null}

      {sections.length > 1 ? (
        <nav aria-label={t("sections.jump")} className="flex flex-wrap gap-2" data-testid="task-sections">
          {sections.map((x) => (
            <a key={x.id} href={`#${x.id}`} className="inline-flex min-h-11 items-center gap-1 rounded-full border border-slate-300 bg-white px-3 text-sm text-slate-700">
              {x.label} <span className="font-semibold text-slate-900">{x.count}</span>
            </a>
          ))}
        </nav>
      ) : null}

      <section id="tasks-open" aria-labelledby="open-h" className="scroll-mt-20 space-y-2">
        <h2 id="open-h" className="text-base font-semibold">{t("sections.warnings")}</h2>
        <nav aria-label={t("tabs.label")} className="grid grid-cols-3 gap-1 rounded-lg bg-slate-100 p-1 lg:max-w-xl">
          {tabs.map(({ k, n }) => (
            <Link
              key={k}
              href={k === "all" ? "/field" : `/field?show=${k}`}
              aria-current={tasks.show === k ? "page" : undefined}
              className={cn("flex min-h-11 items-center justify-center rounded-md text-sm", tasks.show === k ? "bg-white font-semibold text-slate-900 shadow-sm" : "text-slate-600")}
            >
              {t(`tabs.${k}`)} {n}
            </Link>
          ))}
        </nav>
        {tasks.warnings.length === 0 ? (
          <EmptyState title={tasks.show === "all" ? t("empty.title") : t("empty.filtered")}>{t("empty.body")}</EmptyState>
        ) : (
          <ul className="grid gap-3 lg:grid-cols-2" data-testid="task-list">{tasks.warnings.map((w) => <TaskCard key={w.id} w={w} />)}</ul>
        )}
      </section>

      {due.length > 0 ? (
        <section id="tasks-due" aria-labelledby="due-h" className="scroll-mt-20 space-y-2">
          <h2 id="due-h" className="text-base font-semibold">{t("sections.followUps")} <Badge tone="amber">{due.length}</Badge></h2>
          <ul className="grid gap-3 lg:grid-cols-2">{due.map((f) => <FollowUpCard key={f.id} f={f} />)}</ul>
        </section>
      ) : null}

      <section id="tasks-revisits" aria-labelledby="revisits-h" className="scroll-mt-20 space-y-2" data-testid="revisits">
        <h2 id="revisits-h" className="text-base font-semibold">
          {tr("section")} {tasks.revisits.length ? <Badge tone={tasks.counts.overdueRevisits ? "red" : "amber"}>{tasks.revisits.length}</Badge> : null}
        </h2>
        {tasks.counts.overdueRevisits > 0 ? <p className="text-sm text-red-700" data-testid="revisits-overdue">{tr("overdueSummary", { count: tasks.counts.overdueRevisits })}</p> : null}
        {tasks.revisits.length === 0 ? (
          <EmptyState title={tr("empty")}>{tr("emptyHint")}</EmptyState>
        ) : (
          <ul className="grid gap-3 lg:grid-cols-2" data-testid="revisit-list">{tasks.revisits.map((r) => <RevisitCard key={r.id} r={r} />)}</ul>
        )}
      </section>

      {tasks.appFollowUps.length > 0 ? (
        <section id="tasks-app" aria-labelledby="app-h" className="scroll-mt-20 space-y-2" data-testid="app-followups">
          <h2 id="app-h" className="text-base font-semibold">{ta("section")} <Badge tone="amber">{tasks.appFollowUps.length}</Badge></h2>
          <p className="text-sm text-slate-600">{ta("sectionHint")}</p>
          <ul className="grid gap-3 lg:grid-cols-2" data-testid="app-followup-list">{tasks.appFollowUps.map((f) => <AppFollowUpCard key={f.id} f={f} />)}</ul>
        </section>
      ) : null}

      {upcoming.length > 0 ? (
        <section id="tasks-upcoming" aria-labelledby="upcoming-h" className="scroll-mt-20 space-y-2">
          <h2 id="upcoming-h" className="text-base font-semibold">{t("sections.upcoming")}</h2>
          <ul className="grid gap-3 lg:grid-cols-2">{upcoming.map((f) => <FollowUpCard key={f.id} f={f} />)}</ul>
        </section>
      ) : null}
    </div>
  );
}
