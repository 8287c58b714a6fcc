import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { listPartnerRequests } from "@/lib/requests/queries";
import { PARTNER_REQUEST_KINDS } from "@/lib/requests/rules";
import { formatYuan } from "@/lib/cases/money";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { DeadlineFlag, STATUS_TONE } from "@/components/requests/requests-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

export default async function RequestsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePagePermission("cases:read");
  const [t, format] = await Promise.all([getTranslations("requests"), getFormatter()]);
  const values = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => {
    const s = Array.isArray(v) ? v[0] : v;
    return s ? [[k, s]] : [];
  }));
  let result: Awaited<ReturnType<typeof listPartnerRequests>> | null = null;
  try {
    result = await listPartnerRequests(actor, values);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
  }
  const canOpen = can(actor, "pii:reveal");
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  const select = (name: string, options: readonly string[], label: (v: string) => string) => (
    <label className="flex flex-col text-xs text-slate-600">
      {t(`filters.${name}`)}
      <select name={name} defaultValue={values[name] ?? ""} className="mt-1 min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm">
        <option value="">{t("filters.all")}</option>
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
    </label>
  );
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {result && result.lapsed > 0 ? (
        <Link href="/requests?flag=lapsed" className="block rounded-md bg-red-50 px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-100" data-testid="requests-lapsed">
          {t("lapsedCount", { count: result.lapsed })}
        </Link>
      ) : null}
      <form className="flex flex-wrap items-end gap-3" method="get">
        {select("kind", PARTNER_REQUEST_KINDS, (k) => t(`kind.${k}`))}
        {select("status", ["SENT", "ACCEPTED", "REJECTED", "UNDELIVERED"], (s) => t(`status.${s}`))}
        {select("flag", ["lapsed", "lapsing"], (f) => t(`deadline.${f}`))}
        <button type="submit" className="min-h-10 rounded-md bg-brand-600 px-4 text-sm text-white hover:bg-brand-700">{t("filters.apply")}</button>
      </form>
      {!result || result.items.length === 0 ? <EmptyState title={t("empty")} /> : (
        <DataTable
          testId="requests-table" className="min-w-[60rem]"
          head={<>
            <th className={th}>{t("fields.docNumber")}</th><th className={th}>{t("fields.kind")}</th><th className={th}>{t("fields.partnerName")}</th>
            <th className={th}>{t("fields.target")}</th><th className={`${th} text-right`}>{t("fields.amount")}</th><th className={th}>{t("fields.answer")}</th>
            <th className={th}>{t("fields.deadlineAt")}</th><th className={th}>{t("fields.origin")}</th><th className={th}>{t("fields.unit")}</th>
          </>}
        >
          {result.items.map((r) => (
            <tr key={r.id} data-request={r.id}>
              <td className={`${td} font-mono text-xs`}>{canOpen ? <Link className="text-brand-700 hover:underline" href={`/requests/${r.id}`}>{r.docNumber}</Link> : r.docNumber}</td>
              <td className={td}>{t(`kind.${r.kind}`)}</td>
              <td className={td}>{r.partnerName}</td>
              <td className={`${td} font-mono`}>{r.target}</td>
              <td className={`${td} text-right font-mono`}>{r.amount ? formatYuan(r.amount) : "—"}</td>
              <td className={td}>
                <Badge tone={STATUS_TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                {r.amountStopped ? <span className="ml-2 font-mono text-xs text-green-700">{formatYuan(r.amountStopped)}</span> : null}
                {r.answerReason ? <span className="block text-xs text-red-700">{r.answerReason}</span> : null}
              </td>
              <td className={td}>{when(r.deadlineAt)} <DeadlineFlag state={r.deadline} /></td>
              <td className={td}>
                {r.caseId ? <Link className="text-brand-700 hover:underline" href={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
                  : r.warningId ? <Link className="text-brand-700 hover:underline" href={`/warnings/${r.warningId}`}>{t("fields.origin")}</Link> : "—"}
              </td>
              <td className={td}>{r.unit.name}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
