import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { labelsQuerySchema, vulnerableList } from "@/lib/persons/labels";
import { myOutreachTasks, outreachCampaigns } from "@/lib/persons/outreach";
import { PERSON_LABELS } from "@/lib/persons/label-constants";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { PersonLabelCard } from "@/components/vulnerable/person-card";
import { CreateOutreachForm } from "@/components/vulnerable/create-outreach-form";
import { CancelOutreachForm } from "@/components/vulnerable/cancel-outreach-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vulnerable"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DAYS = [30, 90, 180, 365] as const;

/** 重点人群: the precinct's vulnerable and high-risk people by label, last contact first; phone first. */
export default async function VulnerablePage({ searchParams }: Props) {
  const actor = await requirePagePermission("persons:read");
  const parsed = labelsQuerySchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : {};
  const now = new Date();
  const [list, tasks, campaigns, t] = await Promise.all([
    vulnerableList(actor, q, now).catch((e: unknown) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    actor.permissions.has("warnings:work") ? myOutreachTasks(actor) : Promise.resolve([]),
    outreachCampaigns(actor),
    getTranslations("vulnerable"),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-5 lg:max-w-5xl">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("subtitle")}</p>
        </div>
        {actor.permissions.has("persons:label") ? (
          <Link href="/field/vulnerable/import" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-base text-slate-800">{t("importLink")}</Link>
        ) : null}
      </div>

      {actor.permissions.has("warnings:work") ? (
        <section className="space-y-2" aria-labelledby="outreach-tasks">
          <h2 id="outreach-tasks" className="flex items-center gap-2 text-base font-semibold">{t("tasks.title")} <Badge tone={tasks.length ? "amber" : "slate"}>{tasks.length}</Badge></h2>
          {tasks.length === 0 ? <p className="text-sm text-slate-500">{t("tasks.empty")}</p> : (
            <ul className="space-y-2">
              {tasks.map((task) => (
                <li key={task.id}>
                  <Link href={`/field/vulnerable/tasks/${task.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600" data-testid="outreach-task">
                    <span className="flex flex-wrap items-center gap-2 text-base">
                      <span className="font-medium">{task.name ?? "—"}</span>
                      <Badge tone="amber">{t(`labels.${task.label}`)}</Badge>
                    </span>
                    <span className="block text-sm text-slate-600">{task.title}{task.community ? ` · ${task.community}` : ""}</span>
                    <span className="mt-1 inline-flex min-h-11 items-center text-base font-medium text-brand-600">{t("tasks.record")} →</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <form method="get" className="grid grid-cols-2 gap-2 md:flex md:items-end" aria-label={t("filter.apply")}>
        <label className="text-sm text-slate-600">
          {t("filter.label")}
          <Select name="label" defaultValue={q.label ?? ""} className="mt-1 min-h-12 text-base">
            <option value="">{t("filter.all")}</option>
            {PERSON_LABELS.map((l) => <option key={l} value={l}>{t(`labels.${l}`)}</option>)}
          </Select>
        </label>
        <label className="text-sm text-slate-600">
          {t("filter.notContacted")}
          <Select name="notContactedDays" defaultValue={q.notContactedDays ? String(q.notContactedDays) : ""} className="mt-1 min-h-12 text-base">
            <option value="">{t("filter.anyTime")}</option>
            {DAYS.map((d) => <option key={d} value={d}>{t("filter.days", { n: d })}</option>)}
          </Select>
        </label>
        <button type="submit" className="col-span-2 min-h-11 rounded-md bg-brand-600 px-4 text-base font-medium text-white md:col-span-1">{t("filter.apply")}</button>
      </form>

      {list.items.length === 0 ? <EmptyState title={t("list.empty")} /> : (
        <div className="grid gap-3 lg:grid-cols-2">
          {list.items.map((row) => <PersonLabelCard key={`${row.personId}:${row.unitId}`} row={row} now={now} />)}
        </div>
      )}
      {list.truncated ? <p className="text-sm text-amber-700">{t("list.truncated")}</p> : null}

      {campaigns.length ? (
        <section className="space-y-2" aria-labelledby="outreach-campaigns">
          <h2 id="outreach-campaigns" className="text-base font-semibold">{t("outreach.campaigns")}</h2>
          <ul className="space-y-2" data-testid="outreach-campaigns">
            {campaigns.slice(0, 10).map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <span className="min-w-0 break-words">{c.title} · {c.unit.name}</span>
                <span className="flex items-center gap-2">
                  <span className="text-slate-600">{t("outreach.progress", { done: c.done, total: c.taskCount })}</span>
                  {c.publicityEventId ? <Badge tone="green">{t("outreach.counted")}</Badge> : null}
                  {c.cancelledAt ? <Badge tone="slate">{t("outreach.cancelled")}</Badge> : null}
                </span>
                {!c.completedAt && actor.permissions.has("persons:label") ? <CancelOutreachForm id={c.id} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {actor.permissions.has("persons:label") ? (
        <Card className="space-y-3 p-4">
          <h2 className="text-base font-semibold">{t("outreach.title")}</h2>
          <CreateOutreachForm />
        </Card>
      ) : null}
    </div>
  );
}
