import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { getPartnerRequestDocument } from "@/lib/requests/queries";
import { answerRequestAction } from "@/app/(app)/requests/actions";
import { Badge, Card } from "@/components/ui/card";
import { RecordForm } from "@/components/cases/form-kit";
import { RequestDocument } from "@/components/requests/request-document";
import { DocumentReason } from "@/components/requests/document-reason";
import { revealReasonSchema } from "@/lib/pii/reveal";
import { PrintButton } from "@/components/requests/print-button";
import { DeadlineFlag, STATUS_TONE } from "@/components/requests/requests-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("title") };
}

// Printing leaves only the sheet: the shell, the buttons and the answer form stay on screen.
const PRINT_CSS = "@media print { body * { visibility: hidden !important } .print-doc, .print-doc * { visibility: visible !important } .print-doc { position: absolute; inset: 0 auto auto 0; width: 100% } }";

export default async function RequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ reason?: string | string[] }> }) {
  const actor = await requirePagePermission("pii:reveal");
  const [{ id }, { reason }] = await Promise.all([params, searchParams]);
  // The full numbers only with a reason (B10): asked first, then audited with the opening.
  if (typeof reason !== "string" || !revealReasonSchema.safeParse(reason).success) return <DocumentReason id={id} invalid={reason !== undefined} />;
  const r = await readForPage(getPartnerRequestDocument, actor, { id, reason });
  const t = await getTranslations("requests");
  const canAnswer = r.status === "SENT" && (can(actor, "cases:write") || can(actor, "warnings:triage"));
  return (
    <div className="space-y-4">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <Link href="/requests" className="inline-flex min-h-10 items-center text-sm text-brand-600 hover:underline">← {t("doc.back")}</Link>
        <Badge tone={STATUS_TONE[r.status]}><span data-testid="request-status">{t(`status.${r.status}`)}</span></Badge>
        <DeadlineFlag state={r.deadline} />
        {r.caseId ? <Link className="text-sm text-brand-600 hover:underline" href={`/cases/${r.caseId}`}>{r.caseNumber}</Link> : null}
        {r.warningId ? <Link className="text-sm text-brand-600 hover:underline" href={`/warnings/${r.warningId}`}>{t("fields.origin")}</Link> : null}
        <span className="ml-auto"><PrintButton label={t("doc.print")} /></span>
      </div>
      <RequestDocument r={r} />
      {canAnswer ? (
        <Card className="p-4 print:hidden">
          <h2 className="mb-3 text-sm font-semibold">{t("answer.title")}</h2>
          <RecordForm
            action={answerRequestAction} hidden={{ id: r.id, version: r.version }} submit={t("answer.save")} saved={t("answer.saved")} testId="request-answer-form"
            fields={[
              { name: "result", label: t("answer.result"), type: "select", required: true, options: (["ACCEPTED", "REJECTED"] as const).map((v) => ({ value: v, label: t(`answer.${v}`) })) },
              { name: "amountStopped", label: t("answer.amountStopped"), hint: t("answer.amountHint"), inputMode: "decimal" },
              { name: "reason", label: t("answer.reason") },
              { name: "answeredAt", label: t("answer.answeredAt"), type: "datetime-local" },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
