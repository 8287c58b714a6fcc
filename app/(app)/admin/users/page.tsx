import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { listUsers } from "@/lib/users/queries";
import { listUsersQuerySchema } from "@/lib/users/schemas";
import { listUnits } from "@/lib/units/queries";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { EditUserForm, ResetPasswordButton } from "@/components/admin/user-row-actions";
import { DataTable } from "@/components/ui/table";
import { endSessionsAction, resetFactorAction, updateUserAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The search and page of the URL; anything malformed reads as the first page of everyone. */
function query(sp: Record<string, string | string[] | undefined>) {
  const parsed = listUsersQuerySchema.safeParse({
    ...(typeof sp.q === "string" && sp.q.trim() ? { q: sp.q } : {}),
    ...(typeof sp.page === "string" && sp.page ? { page: sp.page } : {}),
  });
  return parsed.success ? parsed.data : {};
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("users:manage");
  const q = query(await searchParams);
  const [list, units, t, format] = await Promise.all([listUsers(actor, q), listUnits(actor), getTranslations(), getFormatter()]);
  const activeUnits = units.filter((u) => u.active).map(({ code, name, depth }) => ({ code, name, depth }));
  const href = (page: number) => `/admin/users?${new URLSearchParams({ ...(q.q ? { q: q.q } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title={t("users.title")} subtitle={t("users.subtitle")} />
      <Card className="mb-6 p-5">
        <h2 className="mb-4 text-base font-semibold">{t("users.new")}</h2>
        <CreateUserForm units={activeUnits} />
      </Card>
      <form method="get" action="/admin/users" role="search" className="mb-3 flex flex-wrap items-center gap-2">
        <Input type="search" name="q" defaultValue={q.q ?? ""} maxLength={32} placeholder={t("users.search")} aria-label={t("users.search")} className="max-w-xs" />
        <Button type="submit" variant="secondary">{t("users.searchButton")}</Button>
        <span className="text-sm text-slate-500" data-testid="users-total">{t("users.total", { n: list.total })}</span>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState title={t("users.empty")} />
      ) : (
        <DataTable
          testId="users-table"
          head={
            <>
              <th className="px-4 py-2 font-medium">{t("users.username")}</th>
              <th className="px-4 py-2 font-medium">{t("users.displayName")}</th>
              <th className="px-4 py-2 font-medium">{t("users.role")}</th>
              <th className="px-4 py-2 font-medium">{t("users.unit")}</th>
              <th className="px-4 py-2 font-medium">{t("users.status")}</th>
              <th className="px-4 py-2 font-medium">{t("userSecurity.mfa")}</th>
              <th className="px-4 py-2 font-medium">{t("users.lastLogin")}</th>
              <th className="px-4 py-2 font-medium">{t("common.actions")}</th>
            </>
          }
        >
          {list.rows.map((u) => (
            <tr key={u.id} data-username={u.username}>
              <td className="px-4 py-2 font-mono text-xs">{u.username}</td>
              <td className="px-4 py-2">{u.displayName}</td>
              <td className="px-4 py-2">
                {t(`roles.${u.role}`)}
                {u.grants.map((g) => (
                  <span key={g} className="ml-1">
                    <Badge tone="blue">{t(`grants.${g}`)}</Badge>
                  </span>
                ))}
              </td>
              <td className="px-4 py-2">{u.unitName}</td>
              <td className="space-x-1 px-4 py-2">
                {u.active ? <Badge tone="green">{t("common.active")}</Badge> : <Badge>{t("common.inactive")}</Badge>}
                {u.locked ? <Badge tone="red">{t("users.locked")}</Badge> : null}
                {u.approvalPending ? <Badge tone="amber">{t("users.pendingApproval")}</Badge> : u.proposalPending ? <Badge tone="amber">{t("users.proposalPending")}</Badge> : null}
              </td>
              <td className="px-4 py-2" data-testid="user-mfa">
                {u.mfa ? <Badge tone="green">{t("userSecurity.mfaOn")}</Badge> : <Badge>{t("userSecurity.mfaOff")}</Badge>}
              </td>
              <td className="px-4 py-2 text-xs text-slate-500">
                {u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "short", timeStyle: "short" }) : t("users.never")}
              </td>
              <td className="px-4 py-2">
                {u.id === actor.id ? null : (
                  <div className="flex flex-wrap gap-1">
                    {u.active ? (
                      <ActionButton action={updateUserAction} fields={{ id: u.id, version: u.version, active: "false" }} variant="secondary" confirm={t("users.confirmDisable")}>
                        {t("common.disable")}
                      </ActionButton>
                    ) : (
                      <ActionButton action={updateUserAction} fields={{ id: u.id, version: u.version, active: "true" }} variant="secondary">
                        {t("common.enable")}
                      </ActionButton>
                    )}
                    <ResetPasswordButton userId={u.id} />
                    {u.mfa ? (
                      <ActionButton action={resetFactorAction} fields={{ id: u.id }} variant="secondary" confirm={t("userSecurity.confirmReset")}>
                        {t("userSecurity.resetFactor")}
                      </ActionButton>
                    ) : null}
                    {u.active ? (
                      <ActionButton action={endSessionsAction} fields={{ id: u.id }} variant="secondary" confirm={t("userSecurity.confirmEnd")}>
                        {t("userSecurity.endSessions")}
                      </ActionButton>
                    ) : null}
                    <EditUserForm user={u} units={activeUnits} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {list.pages > 1 ? (
        <nav aria-label={t("users.page", { page: list.page, pages: list.pages })} className="mt-3 flex items-center gap-3 text-sm">
          {list.page > 1 ? <Link href={href(list.page - 1)} className="text-blue-700">{t("users.prev")}</Link> : null}
          <span>{t("users.page", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? <Link href={href(list.page + 1)} className="text-blue-700">{t("users.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
