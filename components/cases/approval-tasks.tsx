import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { transitionAction } from "@/app/(app)/cases/actions";
import { Card } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-form";
import { formatDuration } from "@/components/cases/format";
import { formatYuan } from "@/lib/cases/money";
import type { approvalTasks } from "@/lib/cases/queries";

/** The approver's home-page task list: one click to approve, or open the case to review or refuse. */
export async function ApprovalTasks({ tasks, now }: { tasks: Awaited<ReturnType<typeof approvalTasks>>; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  return (
    <Card className="mb-5 border-amber-300 p-4" data-testid="approval-tasks">
      <h2 className="text-base font-semibold text-slate-900">
        {t("tasks.title")} <span className="ml-1 rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-800">{tasks.length}</span>
      </h2>
      <p className="mb-3 text-xs text-slate-500">{t("tasks.hint")}</p>
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-500">{t("tasks.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {tasks.map((task) => (
            <li key={task.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2" data-case={task.caseNumber}>
              <div className="min-w-56 flex-1">
                <Link href={`/cases/${task.id}`} className="font-mono text-sm font-medium text-brand-700 hover:underline">{task.caseNumber}</Link>
                <p className="text-xs text-slate-500">
                  {t(`fraudType.${task.fraudType}`)} · {task.unitName} · {formatYuan(task.lossAmount)}
                  {task.submittedBy ? ` · ${t("tasks.submittedBy", { name: task.submittedBy })}` : ""}
                </p>
              </div>
              <span className="text-xs text-amber-700" title={task.submittedAt ? format.dateTime(task.submittedAt, { dateStyle: "short", timeStyle: "short" }) : undefined}>
                {t("tasks.waiting", { duration: formatDuration(now.getTime() - (task.submittedAt?.getTime() ?? now.getTime()), t) })}
              </span>
              <ActionButton action={transitionAction} fields={{ id: task.id, to: "FILED", version: task.version }} namespace="cases" size="md" className="min-h-11">
                {t("tasks.approve")}
              </ActionButton>
              <Link href={`/cases/${task.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-600 hover:underline">{t("tasks.open")}</Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
