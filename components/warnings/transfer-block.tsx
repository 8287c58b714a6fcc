import { getTranslations } from "next-intl/server";
import type { UnitOption } from "@/lib/units/picker-options";
import { TransferDecision, TransferForm, TransferStatusBadge, type TransferView } from "@/components/warnings/transfer-panel";

/**
 * 移交 on a warning's page (the dispatcher's and the officer's phone page): the pending transfer with
 * what the viewer may decide, else the form to propose one (when the page passes targets).
 */
export async function TransferBlock({ warningId, version, transfers, targets, phone = false }: {
  warningId: string; version: number; transfers: TransferView[]; targets: UnitOption[]; phone?: boolean;
}) {
  const tt = await getTranslations("transfers");
  const open = transfers.find((x) => x.status === "PROPOSED");
  if (open) {
    const to = open.external ? tt("externalTo", { destination: open.destination ?? "" }) : open.toUnit.name;
    return (
      <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3 text-sm" data-testid="open-transfer">
        <TransferStatusBadge status={open.status} />
        <span>{tt("open", { to })}</span>
        <span className="text-slate-500">{tt("col.reason")}：{open.reason}</span>
        <TransferDecision transfer={open} />
      </div>
    );
  }
  return targets.length ? <div className="mt-3 border-t border-slate-100 pt-3"><TransferForm warningId={warningId} version={version} targets={targets} phone={phone} /></div> : null;
}
