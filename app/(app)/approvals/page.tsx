import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { listProposals, type ProposalRow } from "@/lib/approvals/queries";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/table";
import { decideProposalAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("approvals"))("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Who or what the proposal is about: the account, or the key by its name and prefix. */
function subject(p: ProposalRow) {
  const s = p.summary;
  return p.kind === "API_KEY" ? `${str(s.name)}（${str(s.prefix)}…）` : `${str(s.displayName)}（${str(s.username)}）`;
}

/** What would change, in words: the role (and from which), the unit, the state, the scopes. */
function detail(p: ProposalRow, t: Translate) {
  const s = p.summary;
  const role = (r: unknown) => (str(r) ? t(`roles.${str(r)}`) : "");
  const parts: string[] = [];
  if (p.kind === "API_KEY") {
    parts.push(str(s.unit), `${t("approvals.scopes")}：${(Array.isArray(s.scopes) ? s.scopes : []).join(" ")}`);
  } else if (p.kind === "USER_CHANGE") {
    const changed = Array.isArray(s.changed) ? s.changed : [];
    if (changed.includes("role")) parts.push(t("approvals.roleChange", { from: role(s.fromRole), to: role(s.role) }));
    else parts.push(role(s.role));
    if (changed.includes("unitId")) parts.push(`→ ${str(s.unit)}`);
    else parts.push(str(s.unit));
    if (s.active === false) parts.push(t("approvals.disable"));
    if (s.active === true) parts.push(t("approvals.enable"));
  } else {
    parts.push(role(s.role), str(s.unit));
  }
  return parts.filter(Boolean).join(" · ");
}

/** The security officer's desk (the auditor's, for proposals about a security officer's account): decide proposed grants. */
export default async function ApprovalsPage() {
  const actor = await requirePagePermission("grants:approve");
  const [{ pending, decided }, t, format] = await Promise.all([listProposals(actor), getTranslations(), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  const head = (last: string) => (
    <>
      <th className="px-4 py-2 font-medium">{t("approvals.kind")}</th>
      <th className="px-4 py-2 font-medium">{t("approvals.subject")}</th>
      <th className="px-4 py-2 font-medium">{t("approvals.detail")}</th>
      <th className="px-4 py-2 font-medium">{t("approvals.proposedBy")}</th>
      <th className="px-4 py-2 font-medium">{t("approvals.proposedAt")}</th>
      <th className="px-4 py-2 font-medium">{last}</th>
    </>
  );
  const cells = (p: ProposalRow) => (
    <>
      <td className="px-4 py-2"><Badge tone="blue">{t(`approvals.kinds.${p.kind}`)}</Badge></td>
      <td className="px-4 py-2">{subject(p)}</td>
      <td className="px-4 py-2 text-sm">{detail(p, t)}</td>
      <td className="px-4 py-2 text-sm">{p.proposedBy}</td>
      <td className="px-4 py-2 text-xs text-slate-500">{when(p.proposedAt)}</td>
    </>
  );
  return (
    <>
      <PageHeader title={t("approvals.title")} subtitle={t("approvals.subtitle")} />
      <h2 className="mb-2 text-base font-semibold">{t("approvals.pending")}</h2>
      {pending.length === 0 ? (
        <div className="mb-6"><EmptyState title={t("approvals.empty")} /></div>
      ) : (
        <div className="mb-6">
          <DataTable testId="pending-proposals" head={head(t("common.actions"))}>
            {pending.map((p) => (
              <tr key={p.id} data-proposal={p.id} data-subject={str(p.summary.username) || str(p.summary.prefix)}>
                {cells(p)}
                <td className="px-4 py-2">
                  {p.decidable ? (
                    <div className="flex flex-wrap gap-1">
                      <ActionButton action={decideProposalAction} fields={{ id: p.id, version: p.version, decision: "approve" }} confirm={t("approvals.confirmApprove")}>
                        {t("approvals.approve")}
                      </ActionButton>
                      <ActionButton action={decideProposalAction} fields={{ id: p.id, version: p.version, decision: "reject" }} variant="danger" confirm={t("approvals.confirmReject")}>
                        {t("approvals.reject")}
                      </ActionButton>
                    </div>
                  ) : <span className="text-xs text-slate-500">{t("approvals.ownProposal")}</span>}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      <h2 className="mb-2 text-base font-semibold">{t("approvals.decided")}</h2>
      {decided.length === 0 ? (
        <EmptyState title={t("approvals.emptyDecided")} />
      ) : (
        <DataTable testId="decided-proposals" head={head(t("approvals.result"))}>
          {decided.map((p) => (
            <tr key={p.id} data-proposal={p.id} data-subject={str(p.summary.username) || str(p.summary.prefix)}>
              {cells(p)}
              <td className="px-4 py-2 text-sm">
                <Badge tone={p.status === "APPROVED" ? "green" : "red"}>{t(`approvals.statuses.${p.status}`)}</Badge>
                <span className="ml-2 text-xs text-slate-500">{p.decidedBy} · {when(p.decidedAt)}</span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
