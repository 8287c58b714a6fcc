import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { listAudit, type AuditRow } from "@/lib/audit/queries";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainStatus } from "@/components/audit/chain-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KNOWN = new Set(Object.keys(auditQuerySchema.shape));

/** Empty form fields arrive as "": they mean "no filter", not a malformed one (unknown keys stay, to be refused). */
function filled(sp: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(sp).filter((e): e is [string, string | string[]] => e[1] !== undefined && (e[1] !== "" || !KNOWN.has(e[0]))));
}

const qs = (values: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (typeof v === "string") p.set(k, v);
  return p.toString();
};

/** The audit trail, for auditors only (三员分立): filters in the URL, newest first, keyset pages. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("audit:read");
  const t = await getTranslations("audit");
  const raw = filled(await searchParams);
  let result: { rows: AuditRow[]; next: string | null } | null = null;
  try {
    result = await listAudit(actor, raw);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
  }
  const { before: _before, ...filters } = raw;
  const exportHref = (format: string) => `/audit/export?${qs({ ...filters, format })}`;
  const link = "inline-flex min-h-10 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50";
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            <a className={link} href={exportHref("xlsx")} title={t("exportHint")} data-testid="export-xlsx"><Download className="size-4" aria-hidden />{t("exportXlsx")}</a>
            <a className={link} href={exportHref("csv")} title={t("exportHint")} data-testid="export-csv"><Download className="size-4" aria-hidden />{t("exportCsv")}</a>
          </>
        }
      />
      <div className="mb-4">
        <Suspense fallback={<p className="rounded-md bg-slate-50 p-3 text-sm text-slate-500">{t("chain.checking")}</p>}>
          <ChainStatus />
        </Suspense>
      </div>
      <Card className="mb-4 p-4">
        <AuditFilters query={Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string"))} />
      </Card>
      {!result ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700">{t("badFilter")}</p>
      ) : result.rows.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        <>
          <AuditTable rows={result.rows} />
          <nav className="mt-4 flex justify-end gap-2" aria-label={t("older")}>
            {raw.before ? <Link className={link} href={`/audit?${qs(filters)}`}>{t("newer")}</Link> : null}
            {result.next ? <Link className={link} href={`/audit?${qs({ ...filters, before: result.next })}`} data-testid="audit-older">{t("older")}</Link> : null}
          </nav>
        </>
      )}
    </>
  );
}
