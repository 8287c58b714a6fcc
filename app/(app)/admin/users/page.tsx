import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { listUsers } from "@/lib/users/queries";
import { listUnits } from "@/lib/units/queries";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-form";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { DataTable } from "@/components/ui/table";
import { endSessionsAction, resetFactorAction, updateUserAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const actor = await requirePagePermission("users:manage");
  const [users, units, t, format] = await Promise.all([listUsers(actor), listUnits(actor), getTranslations(), getFormatter()]);
  return (
    <>
      <PageHeader title={t("users.title")} subtitle={t("users.subtitle")} />
      <Card className="mb-6 p-5">
        <h2 className="mb-4 text-base font-semibold">{t("users.new")}</h2>
        <CreateUserForm units={units.filter((u) => u.active).map(({ code, name, depth }) => ({ code, name, depth }))} />
      </Card>
      {users.length === 0 ? (
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
          {users.map((u) => (
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
              </td>
              <td className="px-4 py-2" data-testid="user-mfa">
                {u.mfa ? <Badge tone="green">{t("userSecurity.mfaOn")}</Badge> : <Badge>{t("userSecurity.mfaOff")}</Badge>}
              </td>
              <td className="px-4 py-2 text-xs text-slate-500">
                {u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "short", timeStyle: "short" }) : t("users.never")}
              </td>
              <td className="px-4 py-2">
                <div className="flex flex-wrap gap-1">
                  {u.id === actor.id ? null : u.active ? (
                    <ActionButton action={updateUserAction} fields={{ id: u.id, version: u.version, active: "false" }} variant="secondary" confirm={t("users.confirmDisable")}>
                      {t("common.disable")}
                    </ActionButton>
                  ) : (
                    <ActionButton action={updateUserAction} fields={{ id: u.id, version: u.version, active: "true" }} variant="secondary">
                      {t("common.enable")}
                    </ActionButton>
                  )}
                  {u.id !== actor.id && u.mfa ? (
                    <ActionButton action={resetFactorAction} fields={{ id: u.id }} variant="secondary" confirm={t("userSecurity.confirmReset")}>
                      {t("userSecurity.resetFactor")}
                    </ActionButton>
                  ) : null}
                  {u.id !== actor.id && u.active ? (
                    <ActionButton action={endSessionsAction} fields={{ id: u.id }} variant="secondary" confirm={t("userSecurity.confirmEnd")}>
                      {t("userSecurity.endSessions")}
                    </ActionButton>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
