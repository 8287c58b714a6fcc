import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireFieldPage } from "@/lib/field/guard";
import { listTransfers } from "@/lib/warnings/transfers";
import { Card, PageHeader } from "@/components/ui/card";
import { TransferList } from "@/components/warnings/transfer-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfers"))("title") };
}

/** 移交审核: transfers to the actor's units (accept / return) and from them (state, cancel, the reason of a return). */
export default async function TransfersPage() {
  const actor = await requireFieldPage();
  const [t, incoming, outgoing] = await Promise.all([
    getTranslations("transfers"),
    listTransfers(actor, { direction: "incoming" }),
    listTransfers(actor, { direction: "outgoing" }),
  ]);
  const decided = outgoing.filter((r) => r.status !== "PROPOSED");
  const count = (f: (r: (typeof outgoing)[number]) => boolean) => decided.filter(f).length;
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card className="p-4">
        <h2 className="mb-2 text-sm font-semibold">{t("incomingAll")}</h2>
        <TransferList rows={incoming} empty={t("noneIncoming")} testId="transfers-incoming" />
      </Card>
      <Card className="p-4">
        <h2 className="mb-1 text-sm font-semibold">{t("outgoing")}</h2>
        <p className="mb-2 text-xs text-slate-500" data-testid="transfer-stats">
          {t("stats", { n: outgoing.length, accepted: count((r) => r.status === "ACCEPTED" && !r.external), returned: count((r) => r.status === "RETURNED"), external: count((r) => r.status === "ACCEPTED" && r.external) })}
        </p>
        <TransferList rows={outgoing} empty={t("none")} testId="transfers-outgoing" linkWarnings />
      </Card>
    </div>
  );
}
