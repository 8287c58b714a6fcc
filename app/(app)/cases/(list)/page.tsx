import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { approvalTasks, listCases, transferNotice } from "@/lib/cases/queries";
import { readForPage } from "@/lib/commands/page";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ApprovalTasks } from "@/components/cases/approval-tasks";
import { CaseFilters } from "@/components/cases/case-filters";
import { CaseTable } from "@/components/cases/case-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Query values as the filter form sent them: one value each, empty ones dropped. */
function flat(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s) out[k] = s;
  }
  return out;
}

export default async function CasesPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePagePermission("cases:read");
  const t = await getTranslations("cases");
  const { transferred, ...values } = flat(await searchParams);
  const now = new Date();
  let result: Awaited<ReturnType<typeof listCases>> | null = null;
  let invalid: string[] = [];
  try {
    result = await listCases(actor, values, { now });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
    invalid = e.details.map((d) => (t.has(`filters.${d.path}`) ? t(`filters.${d.path}`) : d.path));
  }
  const tasks = can(actor, "cases:approve") ? await approvalTasks(actor) : null;
  const notice = transferred ? await readForPage(transferNotice, actor, { caseNumber: transferred }) : null;
  const writer = can(actor, "cases:write");
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const pageHref = (p: number) => `/cases?${new URLSearchParams({ ...values, page: String(p) })}`;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            <Link href="/cases/gangs" className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50">{t("gangsLink")}</Link>
            <Link href="/cases/seized" className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50">{t("seizedLink")}</Link>
            {writer ? (
              <Link href="/cases/new" className="inline-flex min-h-10 items-center gap-1.5 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
                <Plus className="size-4" aria-hidden />
                {t("new")}
              </Link>
            ) : null}
          </>
        }
      />
      {notice ? (
        <p role="status" data-testid="transfer-notice" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("list.transferredTo", { number: notice.caseNumber, unit: notice.unitName })}
        </p>
      ) : null}
      {tasks ? <ApprovalTasks tasks={tasks} now={now} /> : null}
      <CaseFilters values={values} />
      {invalid.length ? (
        <p role="alert" className="mb-4 text-sm text-red-700">{t("filters.invalid", { fields: invalid.join("、") })}</p>
      ) : null}
      {result && result.items.length > 0 ? (
        <>
          <CaseTable items={result.items} now={now} />
          <nav className="mt-3 flex items-center justify-between text-sm text-slate-600" aria-label={t("list.page", { page: result.page, pages })}>
            <span>{t("list.count", { total: result.total })} · {t("list.page", { page: result.page, pages })}</span>
            <span className="flex gap-2">
              {result.page > 1 ? <Link className="inline-flex min-h-10 items-center px-2 text-brand-600 hover:underline" href={pageHref(result.page - 1)}>{t("list.prev")}</Link> : null}
              {result.page < pages ? <Link className="inline-flex min-h-10 items-center px-2 text-brand-600 hover:underline" href={pageHref(result.page + 1)}>{t("list.next")}</Link> : null}
            </span>
          </nav>
        </>
      ) : (
        <EmptyState title={t("list.emptyTitle")}>{writer ? t("list.emptyBody") : t("list.emptyReadOnly")}</EmptyState>
      )}
    </>
  );
}
