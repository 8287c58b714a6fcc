import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { getAuditRecord } from "@/lib/audit/queries";
import { actionName, entityText } from "@/lib/audit/display";
import { Badge, Card, PageHeader } from "@/components/ui/card";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await getTranslations("audit.record"))("title", { id: (await params).id }) };
}

/** One record in full: every field, its details as text, and whether its hash still matches. */
export default async function AuditRecordPage({ params }: { params: Params }) {
  const actor = await requirePagePermission("audit:read");
  const record = await readForPage(getAuditRecord, actor, { id: (await params).id });
  const [t, ta, format] = await Promise.all([getTranslations(), getTranslations("audit"), getFormatter()]);
  const rows: [string, React.ReactNode][] = [
    [t("audit.columns.at"), `${format.dateTime(record.at, { dateStyle: "medium", timeStyle: "medium" })} (${record.at.toISOString()})`],
    [t("audit.columns.actor"), `${record.actorName ?? t("audit.anonymous")}${record.actorId ? ` · ${record.actorId}` : ""}`],
    [t("audit.columns.role"), record.role ? t(`roles.${record.role}`) : ""],
    [t("audit.columns.unit"), record.unitName ? `${record.unitName}（${record.unitCode}）` : ""],
    [t("audit.columns.ip"), record.ip ?? ""],
    [t("audit.columns.action"), <span key="a">{actionName(ta, record.action)} <span className="font-mono text-xs text-slate-500">{record.action}</span></span>],
    [t("audit.columns.entity"), entityText(ta, record)],
    [t("audit.columns.entityType"), record.entityType ?? ""],
    [t("audit.columns.entityId"), <span key="e" className="font-mono">{record.entityId ?? ""}</span>],
    [t("audit.columns.success"), record.success ? <Badge key="s" tone="green">{t("audit.ok")}</Badge> : <Badge key="s" tone="red">{t("audit.failed")}</Badge>],
    [t("audit.columns.requestId"), <span key="r" className="font-mono">{record.requestId ?? ""}</span>],
    [t("audit.columns.prevHash"), <span key="p" className="break-all font-mono text-xs">{record.prevHash}</span>],
    [t("audit.columns.hash"), <span key="h" className="break-all font-mono text-xs">{record.hash}</span>],
  ];
  return (
    <>
      <PageHeader
        title={t("audit.record.title", { id: record.id })}
        actions={<Link href="/audit" className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-brand-700 hover:bg-slate-100">{t("audit.record.back")}</Link>}
      />
      <p className={record.hashValid ? "mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800" : "mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800"} data-testid="record-hash">
        {record.hashValid ? t("audit.record.hashOk") : t("audit.record.hashBad")}
      </p>
      <Card className="p-5">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]" data-testid="audit-record">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
          <dt className="text-slate-500">{t("audit.columns.details")}</dt>
          <dd>
            <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-3 font-mono text-xs text-slate-800">{JSON.stringify(record.details, null, 2)}</pre>
          </dd>
        </dl>
      </Card>
    </>
  );
}
