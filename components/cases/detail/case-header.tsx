import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import type { CaseDetail } from "@/lib/cases/case-detail";
import { CASE_TRANSITIONS, canEditFacts, canTransfer, isTerminal } from "@/lib/cases/state-machine";
import { PLACEHOLDER_SUMMARY } from "@/lib/cases/open-case-from-warning";
import { FRAUD_TYPES } from "@/lib/cases/enums";
import { updateFactsAction } from "@/app/(app)/cases/[id]/actions";
import { transferAction, transitionAction } from "@/app/(app)/cases/actions";
import { Badge, Card } from "@/components/ui/card";
import { RecordForm } from "@/components/cases/form-kit";
import { STATUS_TONE } from "@/components/cases/format";
import { chinaLocalInput } from "@/lib/time/china";
import { ActionButton } from "@/components/ui/action-form";

/** Case number, status, the facts, and the one-click steps this user may take now. */
export async function CaseHeader({ c, actor, units }: { c: CaseDetail; actor: Actor; units: { code: string; name: string; depth: number }[] }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const steps = CASE_TRANSITIONS[c.status].filter((s) => actor.permissions.has(s.permission));
  const ownSubmission = c.submittedById === actor.id;
  const oneClick = steps.filter((s) => !s.noteRequired && !(s.permission === "cases:approve" && ownSubmission));
  const withReason = steps.filter((s) => s.noteRequired && !(s.permission === "cases:approve" && ownSubmission));
  const label = (to: string) => (to === "INVESTIGATING" && c.status === "SUSPENDED" ? t("transition.resume") : t(`transition.${to}`));
  const writer = actor.permissions.has("cases:write");
  const editable = writer && canEditFacts(c.status);
  const incomplete = c.status === "REPORTED" && (c.summary === PLACEHOLDER_SUMMARY || Number(c.money.loss) <= 0);

  return (
    <Card className="p-4 md:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="font-mono text-xl font-semibold text-slate-900" data-testid="case-number">{c.caseNumber}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span data-testid="case-status"><Badge tone={STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</Badge></span>
            <span>{t(`fraudType.${c.fraudType}`)}</span>
            <span className="text-slate-300">|</span>
            <span>{t(`source.${c.source}`)}</span>
            <span className="text-slate-300">|</span>
            <span>{c.unit.name}</span>
          </div>
        </div>
        <div className="flex flex-wrap items-start gap-2" data-testid="case-actions">
          {oneClick.map((s) => (
            <ActionButton
              key={s.to} action={transitionAction} fields={{ id: c.id, to: s.to, version: c.version }} namespace="cases" size="md" className="min-h-11"
              confirm={s.to === "CLOSED" ? t("transition.confirmClose") : undefined}
            >
              {label(s.to)}
            </ActionButton>
          ))}
        </div>
      </div>
      {c.status === "PENDING_APPROVAL" ? (
        <p className="mt-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="approval-note">
          {!actor.permissions.has("cases:approve")
            ? t("transition.waitingApprover")
            : ownSubmission
              ? t("transition.waitingOther")
              : t("tasks.submittedBy", { name: c.submittedBy ?? "—" })}
        </p>
      ) : null}
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div><dt className="text-xs text-slate-500">{t("detail.reportedAt")}</dt><dd>{when(c.reportedAt)}</dd></div>
        <div><dt className="text-xs text-slate-500">{t("detail.lossAt")}</dt><dd>{when(c.lossAt)}</dd></div>
        <div><dt className="text-xs text-slate-500">{t("detail.createdBy")}</dt><dd>{c.createdBy ?? "—"}</dd></div>
        <div><dt className="text-xs text-slate-500">{t("detail.approvedBy")}</dt><dd>{c.approvedBy ?? "—"}</dd></div>
      </dl>
      <p className="mt-3 text-sm whitespace-pre-wrap text-slate-700"><span className="text-xs text-slate-500">{t("detail.summary")}：</span>{c.summary}</p>
      {isTerminal(c.status) ? <p className="mt-3 text-sm text-slate-500">{t("detail.closedNote")}</p> : null}
      {incomplete ? <p className="mt-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="facts-incomplete">{t("detail.completeBeforeFiling")}</p> : null}
      {withReason.length > 0 || editable ? (
        <div className="mt-4 grid gap-3 md:grid-cols-2">
          {editable ? (
            <details className="rounded-md border border-slate-200 p-3 md:col-span-2" data-testid="edit-facts" open={incomplete || undefined}>
              <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-slate-800">{t("detail.editFacts")}</summary>
              <RecordForm
                action={updateFactsAction} hidden={{ id: c.id, version: c.version }} submit={t("detail.saveFacts")} saved={t("detail.factsSaved")}
                fields={[
                  { name: "fraudType", label: t("list.fraudType"), type: "select", required: true, defaultValue: c.fraudType, options: FRAUD_TYPES.map((f) => ({ value: f, label: t(`fraudType.${f}`) })) },
                  { name: "reportedAt", label: t("detail.reportedAt"), type: "datetime-local", defaultValue: chinaLocalInput(c.reportedAt) },
                  { name: "lossAt", label: t("detail.lossAt"), type: "datetime-local", defaultValue: c.lossAt ? chinaLocalInput(c.lossAt) : undefined },
                  { name: "summary", label: t("detail.summary"), type: "textarea", wide: true, defaultValue: c.summary === PLACEHOLDER_SUMMARY ? undefined : c.summary, placeholder: t("detail.summaryPlaceholder") },
                ]}
              />
              <p className="mt-2 text-xs text-slate-500">{t("detail.lossFromVictims")}</p>
            </details>
          ) : null}
          {withReason.map((s) => (
            <details key={s.to} className="rounded-md border border-slate-200 p-3" data-testid={`step-${s.to}`}>
              <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-slate-800">{label(s.to)}</summary>
              <RecordForm
                action={transitionAction} hidden={{ id: c.id, to: s.to, version: c.version }} submit={label(s.to)} saved={t("transition.done")}
                fields={[{ name: "note", label: t("transition.reason"), type: "textarea", placeholder: t("transition.reasonPlaceholder"), wide: true }]}
              />
            </details>
          ))}
          {writer && canTransfer(c.status) ? (
            <details className="rounded-md border border-slate-200 p-3" data-testid="transfer">
              <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-slate-800">{t("detail.transferTitle")}</summary>
              <RecordForm
                action={transferAction} hidden={{ id: c.id, version: c.version }} submit={t("detail.transferSubmit")} saved={t("detail.transferred")}
                fields={[
                  { name: "toUnitCode", label: t("detail.transferUnit"), type: "select", required: true, options: units.map((u) => ({ value: u.code, label: `${"\u3000".repeat(u.depth)}${u.name}` })) },
                  { name: "reason", label: t("detail.transferReason"), type: "textarea", wide: true },
                ]}
              />
            </details>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
