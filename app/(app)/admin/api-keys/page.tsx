import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { listApiKeys } from "@/lib/api-keys/commands";
import { listUnits } from "@/lib/units/queries";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-form";
import { CreateApiKeyForm } from "@/components/admin/create-api-key-form";
import { DataTable } from "@/components/ui/table";
import { revokeApiKeyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

export default async function ApiKeysPage() {
  const actor = await requirePagePermission("apikeys:manage");
  const [keys, units, t, format] = await Promise.all([listApiKeys(actor), listUnits(actor), getTranslations(), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  return (
    <>
      <PageHeader title={t("apiKeys.title")} subtitle={t("apiKeys.subtitle")} />
      <Card className="mb-6 p-5">
        <h2 className="mb-4 text-base font-semibold">{t("apiKeys.create")}</h2>
        <CreateApiKeyForm units={units.filter((u) => u.active).map(({ code, name, depth }) => ({ code, name, depth }))} />
      </Card>
      {keys.length === 0 ? (
        <EmptyState title={t("apiKeys.empty")}>{t("apiKeys.emptyHint")}</EmptyState>
      ) : (
        <DataTable
          testId="api-keys"
          head={
            <>
              <th className="px-4 py-2 font-medium">{t("apiKeys.name")}</th>
              <th className="px-4 py-2 font-medium">{t("apiKeys.prefix")}</th>
              <th className="px-4 py-2 font-medium">{t("apiKeys.unit")}</th>
              <th className="px-4 py-2 font-medium">{t("apiKeys.scopes")}</th>
              <th className="px-4 py-2 font-medium">{t("apiKeys.lastUsed")}</th>
              <th className="px-4 py-2 font-medium">{t("apiKeys.expires")}</th>
              <th className="px-4 py-2 font-medium">{t("common.actions")}</th>
            </>
          }
        >
          {keys.map((k) => (
            <tr key={k.id} data-key={k.prefix} className={k.revokedAt ? "text-slate-400" : ""}>
              <td className="px-4 py-2">{k.name}</td>
              <td className="px-4 py-2 font-mono text-xs">{k.prefix}…</td>
              <td className="px-4 py-2">{k.unit.name}</td>
              <td className="px-4 py-2 font-mono text-xs">{k.scopes.join(" ")}{k.sources.length ? <span className="block font-sans text-slate-600">{t("apiKeys.sources")}：{k.sources.map((s) => t(`warnings.source.${s}`)).join("、")}</span> : null}</td>
              <td className="px-4 py-2 text-xs">{when(k.lastUsedAt)}</td>
              <td className="px-4 py-2 text-xs">{when(k.expiresAt)}</td>
              <td className="px-4 py-2">
                {k.approvalPending && !k.revokedAt ? <span className="mr-1"><Badge tone="amber">{t("apiKeys.pendingApproval")}</Badge></span> : null}
                {k.revokedAt ? <Badge>{t("apiKeys.revoked")}</Badge> : (
                  <ActionButton action={revokeApiKeyAction} fields={{ id: k.id, version: k.version }} variant="danger" confirm={t("apiKeys.confirmRevoke")}>{t("apiKeys.revoke")}</ActionButton>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
