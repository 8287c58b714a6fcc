import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { LinkProposalRow } from "@/lib/contacts/queries";
import { decideLinkAction } from "@/app/(app)/cases/links/actions";
import { RecordForm } from "@/components/cases/form-kit";

/** Pending 并案 proposals; an approver other than the proposer confirms or rejects each. */
export async function ProposalList({ items, canDecide }: { items: LinkProposalRow[]; canDecide: boolean }) {
  const [t, format] = await Promise.all([getTranslations("links"), getFormatter()]);
  if (!items.length) return <p className="text-sm text-slate-500">{t("link.noPending")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="link-proposals">
      {items.map((p) => (
        <li key={p.id} className="space-y-1 py-2 text-sm" data-proposal={p.id}>
          <p className="font-medium">
            <Link href={`/cases/${p.case.id}`} className="font-mono text-brand-700 hover:underline">{p.case.caseNumber}</Link>
            {" ⇄ "}
            <Link href={`/cases/${p.other.id}`} className="font-mono text-brand-700 hover:underline">{p.other.caseNumber}</Link>
          </p>
          <p className="text-slate-600">{t("link.proposedBy", { by: p.proposedBy ?? "—", at: format.dateTime(new Date(p.proposedAt), { dateStyle: "short", timeStyle: "short" }), reason: p.reason })}</p>
          {canDecide && p.mine ? <p className="text-xs text-slate-500">{t("link.ownProposal")}</p> : null}
          {canDecide && !p.mine ? (
            <div className="flex flex-wrap gap-6">
              <RecordForm action={decideLinkAction} hidden={{ id: p.id, version: p.version, decision: "confirm" }} submit={t("link.confirm")} saved={t("link.decided")} testId="link-confirm" fields={[]} />
              <details>
                <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700">{t("link.reject")}</summary>
                <RecordForm action={decideLinkAction} hidden={{ id: p.id, version: p.version, decision: "reject" }} submit={t("link.reject")} saved={t("link.decided")} testId="link-reject" fields={[{ name: "note", label: t("link.note"), wide: true }]} />
              </details>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
