import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/guards";
import { listNotifications } from "@/lib/notifications/queries";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-form";
import { markAllReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

/** Where a notification leads: the warning, or the case a freeze belongs to. */
function hrefOf(n: { entityType: string | null; entityId: string | null; data: Record<string, string> }): string | null {
  if (n.entityType === "Warning" && n.entityId) return `/warnings/${n.entityId}`;
  if (n.data.caseId) return `/cases/${n.data.caseId}`;
  return null;
}

export default async function NotificationsPage() {
  const actor = await requirePageUser();
  const [items, t, tw, format] = await Promise.all([listNotifications(actor), getTranslations("notifications"), getTranslations("warnings"), getFormatter()]);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={items.some((n) => !n.readAt) ? <ActionButton action={markAllReadAction} fields={{}} variant="secondary">{t("markAllRead")}</ActionButton> : null}
      />
      {items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" data-testid="notifications">
            {items.map((n) => (
              <li key={n.id} className={`flex flex-wrap items-center gap-3 px-4 py-3 text-sm ${n.readAt ? "text-slate-500" : "font-medium"}`}>
                <span className="text-xs text-slate-500">{format.dateTime(new Date(n.createdAt), { dateStyle: "short", timeStyle: "short" })}</span>
                <span>{t.has(`kinds.${n.kind}`) ? t(`kinds.${n.kind}`, { step: n.data.step ? tw(`step.${n.data.step}`) : "" }) : n.kind}</span>
                {n.data.caseNumber ? <span className="font-mono text-xs">{n.data.caseNumber}</span> : null}
                {hrefOf(n) ? <Link className="text-brand-600 hover:underline" href={hrefOf(n)!}>{t("open")}</Link> : null}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
