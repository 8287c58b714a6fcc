import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlarmClock, FileText } from "lucide-react";
import type { PartnerRequestItem } from "@/lib/requests/queries";
import { PARTNER_REQUEST_KINDS } from "@/lib/requests/rules";
import { formatYuan } from "@/lib/cases/money";
import { requestFromCaseAction, requestFromWarningAction } from "@/app/(app)/requests/actions";
import { Badge } from "@/components/ui/card";
import { RecordForm } from "@/components/cases/form-kit";
import { Empty, Section } from "@/components/cases/detail/section";

export const STATUS_TONE = { SENT: "amber", ACCEPTED: "green", REJECTED: "red", UNDELIVERED: "red" } as const;

/** The deadline flag of a stop-payment: red once its 48 h passed with no freeze, amber shortly before. */
export async function DeadlineFlag({ state }: { state: PartnerRequestItem["deadline"] }) {
  if (!state) return null;
  const t = await getTranslations("requests");
  return (
    <span
      className={state === "lapsed" ? "inline-flex items-center gap-1 rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" : "inline-flex items-center gap-1 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800"}
      data-testid={`request-${state}`}
    >
      <AlarmClock className="size-3.5" aria-hidden />
      {t(`deadline.${state}`)}
    </span>
  );
}

/**
 * The "止付 / 冻结 / 停机" section of a case's or a warning's page: its requests with their state
 * and deadline flag, each opening its printable document, and the form that raises a new one.
 */
export async function RequestsPanel({ from, id, items, canRaise, canOpen }: {
  from: "case" | "warning"; id: string; items: PartnerRequestItem[]; canRaise: boolean; canOpen: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("requests"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  return (
    <Section
      id="requests" title={t("section")} count={items.length} formLabel={t("raise")}
      form={canRaise ? (
        <RecordForm
          action={from === "case" ? requestFromCaseAction : requestFromWarningAction} hidden={{ id }} submit={t("raise")} saved={t("raised")} testId="request-form"
          fields={[
            { name: "kind", label: t("fields.kind"), type: "select", required: true, options: PARTNER_REQUEST_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })) },
            { name: "partnerName", label: t("fields.partnerName"), hint: t("fields.partnerHint") },
            { name: "target", label: t("fields.target"), hint: t("fields.targetHint"), inputMode: "numeric" },
            { name: "holderName", label: t("fields.holderName") },
            { name: "amount", label: t("fields.amount"), hint: t("fields.amountHint"), inputMode: "decimal", placeholder: "0.00" },
            { name: "approverName", label: t("fields.approverName") },
            { name: "legalBasis", label: t("fields.legalBasis"), hint: t("fields.legalBasisHint"), wide: true },
            { name: "reason", label: t("fields.reason"), type: "textarea", wide: true },
          ]}
        />
      ) : undefined}
    >
      {items.length === 0 ? <Empty>{t("empty")}</Empty> : (
        <ul className="divide-y divide-slate-100">
          {items.map((r) => (
            <li key={r.id} className="py-3" data-request={r.id}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <Badge tone={STATUS_TONE[r.status]}>{t(`kind.${r.kind}`)} · {t(`status.${r.status}`)}</Badge>
                <span>{r.partnerName}</span>
                <span className="font-mono">{r.target}</span>
                <DeadlineFlag state={r.deadline} />
                {canOpen ? (
                  <Link href={`/requests/${r.id}`} className="ml-auto inline-flex min-h-10 items-center gap-1 text-brand-700 hover:underline" data-testid="request-document-link">
                    <FileText className="size-4" aria-hidden />{r.docNumber}
                  </Link>
                ) : <span className="ml-auto font-mono text-xs text-slate-500">{r.docNumber}</span>}
              </div>
              <dl className="mt-1 grid grid-cols-2 gap-x-4 text-xs text-slate-600 sm:grid-cols-4">
                <div><dt className="inline text-slate-500">{t("fields.amount")}：</dt><dd className="inline font-mono">{r.amount ? formatYuan(r.amount) : "—"}</dd></div>
                <div><dt className="inline text-slate-500">{t("fields.amountStopped")}：</dt><dd className="inline font-mono">{r.amountStopped ? formatYuan(r.amountStopped) : "—"}</dd></div>
                <div><dt className="inline text-slate-500">{t("fields.requestedAt")}：</dt><dd className="inline">{when(r.requestedAt)}</dd></div>
                <div><dt className="inline text-slate-500">{t("fields.deadlineAt")}：</dt><dd className="inline">{when(r.deadlineAt)}</dd></div>
              </dl>
              {r.answerReason ? <p className="mt-1 text-xs text-red-700">{r.answerReason}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
