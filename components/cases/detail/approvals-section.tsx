import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/case-detail";
import { Empty, Section } from "@/components/cases/detail/section";

/** Filing requests and decisions, transfers between units, and the warnings the case came from. */
export async function ApprovalsSection({ c }: { c: CaseDetail }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const empty = c.approvals.length === 0 && c.transfers.length === 0 && c.warnings.length === 0;
  return (
    <Section id="approvals" title={t("detail.sections.approvals")}>
      {empty ? <Empty>{t("detail.none")}</Empty> : (
        <ul className="space-y-2 text-sm" data-testid="approvals">
          {c.approvals.map((a) => (
            <li key={a.id}>
              {t("detail.approvalRow", { requestedBy: a.requestedBy ?? "—", requestedAt: when(a.requestedAt) })}
              {a.decidedAt && a.decision ? (
                <span className="ml-2 text-slate-700">→ {t("detail.decisionRow", { decidedBy: a.decidedBy ?? "—", decidedAt: when(a.decidedAt), decision: t(`detail.${a.decision}`) })}</span>
              ) : null}
              {a.note ? <span className="ml-2 text-xs text-slate-500">{a.note}</span> : null}
            </li>
          ))}
          {c.transfers.map((x) => (
            <li key={x.id}>
              {t("detail.transferRow", { from: x.from, to: x.to, by: x.by ?? "—" })} · {when(x.at)}
              {x.reason ? <span className="ml-2 text-xs text-slate-500">{x.reason}</span> : null}
            </li>
          ))}
          {c.warnings.length ? (
            <li className="text-xs text-slate-600">
              {t("detail.linkedWarnings")}：{c.warnings.map((w) => `${w.externalId}（${when(w.receivedAt)}）`).join("，")}
            </li>
          ) : null}
        </ul>
      )}
    </Section>
  );
}
