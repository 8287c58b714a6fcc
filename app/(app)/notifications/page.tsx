import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/guards";
import { listNotificationGroups } from "@/lib/notifications/queries";
import { alertPrefs } from "@/lib/warnings/alerts";
import { formatSpan } from "@/lib/i18n/duration";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-form";
import { cn } from "@/components/ui/cn";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { AlertPrefs } from "@/components/warnings/alert-prefs";
import { markAllReadAction, openNotificationsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const actor = await requirePageUser();
  const [groups, prefs, t, tw, tc, format] = await Promise.all([
    listNotificationGroups(actor), alertPrefs(actor), getTranslations("notifications"), getTranslations("warnings"), getTranslations("common"), getFormatter(),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={groups.some((g) => g.unread) ? <ActionButton action={markAllReadAction} fields={{}} variant="secondary">{t("markAllRead")}</ActionButton> : null}
      />
      {actor.permissions.has("warnings:triage") ? <AlertPrefs initial={prefs} /> : null}
      {groups.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" data-testid="notifications">
            {groups.map((g) => (
              <li key={g.key} data-unread={g.unread || undefined} data-group={g.key} className={cn("flex flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3 text-sm", g.unread ? "bg-brand-50/40" : "text-slate-500")}>
                <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", g.unread ? "bg-red-600" : "bg-transparent")} aria-label={g.unread ? t("unread") : undefined} />
                <div className="min-w-0 flex-1 space-y-1">
                  {g.warning ? (
                    <p className={cn("flex flex-wrap items-center gap-2", g.unread && "font-medium text-slate-900")}>
                      <RiskBadge risk={g.warning.riskLevel} />
                      <span>{tw(`fraudType.${g.warning.fraudType}`)}</span>
                      <span className="text-slate-400">·</span>
                      <span>{g.warning.unitName}</span>
                      <span className="text-xs text-slate-500">（{tw(`status.${g.warning.status}`)}）</span>
                    </p>
                  ) : null}
                  <ul className="space-y-0.5">
                    {g.items.map((n) => (
                      <li key={n.id} className="flex flex-wrap gap-x-3 text-xs">
                        <span className="text-slate-500">{format.dateTime(new Date(n.createdAt), { dateStyle: "short", timeStyle: "short" })}</span>
                        <span className={cn(!n.readAt && "font-medium text-slate-900")}>
                          {t.has(`kinds.${n.kind}`) ? t(`kinds.${n.kind}`, { step: n.data.step ? tw(`step.${n.data.step}`) : "" }) : n.kind}
                        </span>
                        {n.late ? (
                          <span className={n.late.stillOpen ? "font-medium text-red-700" : "text-slate-600"}>
                            {t(n.late.stillOpen ? "lateOpen" : "lateDone", { time: formatSpan(n.late.lateMs, tc) })}
                          </span>
                        ) : null}
                        {n.data.caseNumber ? <span className="font-mono">{n.data.caseNumber}</span> : null}
                        {n.kind === "fraud_surge" && n.data.fraudType ? <span>{tw(`fraudType.${n.data.fraudType}`)}</span> : null}
                      </li>
                    ))}
                  </ul>
                </div>
                {g.href ? (
                  <ActionButton action={openNotificationsAction} fields={Object.fromEntries(g.items.map((n, i) => [`ids.${i}`, n.id]))} variant="secondary">
                    {t("open")}
                  </ActionButton>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
