import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/guards";
import { FRAUD_CONTACT_KINDS } from "@/lib/contacts/normalize";
import { caseContacts, linkCandidates, linkedCases, pendingLinkProposals } from "@/lib/contacts/queries";
import { addContactAction, proposeLinkAction } from "@/app/(app)/cases/links/actions";
import { RecordForm } from "@/components/cases/form-kit";
import { Section } from "@/components/cases/detail/section";
import { ContactList } from "@/components/contacts/contact-list";
import { ProposalList } from "@/components/contacts/proposal-list";

/** The case's fraud contacts with their counts, and 并案: linked cases, pending proposals, the proposal form. */
export async function CaseLinksSection({ actor, caseId, canWrite }: { actor: Actor; caseId: string; canWrite: boolean }) {
  const [t, tc] = await Promise.all([getTranslations("links"), getTranslations("cases")]);
  const [{ items }, linked, pending, candidates] = await Promise.all([
    caseContacts(actor, { id: caseId }),
    linkedCases(actor, caseId),
    pendingLinkProposals(actor, caseId),
    canWrite ? linkCandidates(actor, caseId) : Promise.resolve([]),
  ]);
  const writer = can(actor, "cases:write");
  return (
    <>
      <Section
        id="contacts" title={t("contacts.title")} count={items.length} formLabel={t("contacts.add")}
        form={canWrite ? (
          <RecordForm
            action={addContactAction} hidden={{ id: caseId }} submit={t("contacts.add")} saved={t("contacts.added")} testId="contact-form"
            fields={[
              { name: "kind", label: t("contacts.kindLabel"), type: "select", required: true, options: FRAUD_CONTACT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })) },
              { name: "value", label: t("contacts.value"), hint: t("contacts.valueHint"), wide: true },
            ]}
          />
        ) : undefined}
      >
        <ContactList items={items} />
      </Section>
      <Section
        id="links" title={t("link.title")} count={linked.length} formLabel={t("link.propose")}
        form={writer ? (
          candidates.length ? (
            <RecordForm
              action={proposeLinkAction} hidden={{ id: caseId }} submit={t("link.propose")} saved={t("link.proposed")} testId="link-form"
              fields={[
                { name: "otherCaseId", label: t("link.otherCase"), hint: t("link.otherHint"), type: "select", required: true, options: candidates.map((c) => ({ value: c.id, label: `${c.caseNumber}（${c.shared}）` })) },
                { name: "reason", label: t("link.reason"), type: "textarea", wide: true },
              ]}
            />
          ) : <p className="text-sm text-slate-500">{t("link.noCandidates")}</p>
        ) : undefined}
      >
        <h3 className="mb-1 text-sm font-medium text-slate-700">{t("link.linked")}</h3>
        {linked.length ? (
          <ul className="mb-3 flex flex-wrap gap-3 text-sm" data-testid="linked-cases">
            {linked.map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.id}`} className="font-mono text-brand-700 hover:underline">{c.caseNumber}</Link>
                <span className="ml-1 text-xs text-slate-500">{c.unitName} · {tc(`status.${c.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : <p className="mb-3 text-sm text-slate-500">{t("link.noneLinked")}</p>}
        <h3 className="mb-1 text-sm font-medium text-slate-700">{t("link.pending")}</h3>
        <ProposalList items={pending} canDecide={can(actor, "cases:approve")} />
      </Section>
    </>
  );
}

