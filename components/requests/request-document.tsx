import { getFormatter, getTranslations } from "next-intl/server";
import type { PartnerRequestDocument } from "@/lib/requests/queries";
import { DOC_TITLE, isBankKind } from "@/lib/requests/rules";
import { formatYuan } from "@/lib/cases/money";

/** The document's fields as a bank or carrier receives them: a print-styled sheet (A4 when printed). */
export async function RequestDocument({ r }: { r: PartnerRequestDocument }) {
  const [t, format] = await Promise.all([getTranslations("requests"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric" });
  const minute = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const bank = isBankKind(r.kind);
  const ref = r.caseNumber ?? r.warningRef;
  const origin = r.caseNumber ? t("doc.originCase", { ref: r.caseNumber }) : r.warningRef ? t("doc.originWarning", { ref: r.warningRef }) : t("doc.originNone");
  const period = r.kind === "STOP_PAYMENT" && r.deadlineAt ? t("doc.periodStop", { until: minute(r.deadlineAt) })
    : r.kind === "FREEZE" && r.deadlineAt ? t("doc.periodFreeze", { until: day(r.deadlineAt) }) : t("doc.periodNone");
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <tr className="border border-slate-800">
      <th className="w-36 border border-slate-800 bg-slate-50 px-3 py-2 text-left font-medium print:bg-white">{label}</th>
      <td className="border border-slate-800 px-3 py-2" data-testid={testId}>{value}</td>
    </tr>
  );
  return (
    <article className="print-doc mx-auto max-w-[210mm] bg-white p-10 font-serif text-[15px] leading-7 text-slate-900 shadow-sm ring-1 ring-slate-200 print:p-0 print:shadow-none print:ring-0" data-testid="request-document">
      <header className="text-center">
        <p className="text-lg tracking-widest">{r.requestingAuthority}</p>
        <h1 className="mt-1 text-2xl font-bold tracking-[0.3em]">{DOC_TITLE[r.kind]}</h1>
        <p className="mt-1 font-mono text-sm" data-testid="request-doc-number">{r.docNumber}</p>
      </header>
      <p className="mt-6">{t("doc.to", { partner: r.partnerName })}</p>
      <p className="indent-8">
        {t("doc.intro", { origin, basis: r.legalBasis, target: bank ? t("doc.account") : t("doc.phone"), action: t(`kind.${r.kind}`) })}
      </p>
      <table className="mt-4 w-full border-collapse text-sm">
        <tbody>
          {row(t("doc.authority"), r.requestingAuthority)}
          {row(t("doc.basis"), r.legalBasis)}
          {row(bank ? t("fields.partnerName") : t("fields.partnerName"), r.partnerName)}
          {row(bank ? t("doc.account") : t("doc.phone"), <span className="font-mono">{r.targetFull}</span>, "request-target")}
          {row(t("doc.holder"), r.holderNameFull ?? "—")}
          {row(t("doc.amount"), r.amount ? formatYuan(r.amount) : "—")}
          {row(t("doc.period"), period)}
          {row(t("doc.reference"), <span className="font-mono">{ref ?? "—"}</span>)}
          {r.reason ? row(t("fields.reason"), r.reason) : null}
          {r.follows ? row(t("fields.follows"), <span className="font-mono">{r.follows.docNumber}</span>) : null}
        </tbody>
      </table>
      <div className="mt-8 grid grid-cols-2 gap-6 text-sm">
        <p>{t("doc.handler")}：<span data-testid="request-handler">{r.handlerName}</span></p>
        <p>{t("doc.approver")}：<span data-testid="request-approver">{r.approverName}</span></p>
      </div>
      <div className="mt-10 text-right">
        <p>{r.requestingAuthority}{t("doc.seal")}</p>
        <p>{day(r.requestedAt)}</p>
      </div>
      <p className="mt-6 text-xs text-slate-600">{t("doc.confidential")}</p>
      <section className="mt-6 border-t border-dashed border-slate-500 pt-4 text-sm">
        <h2 className="font-semibold">{t("doc.receipt")}</h2>
        <p data-testid="request-answer">
          {r.status === "SENT" ? t("doc.answerPending") : `${t(`status.${r.status}`)}${r.answeredAt ? ` · ${minute(r.answeredAt)}` : ""}`}
          {r.amountStopped ? ` · ${t("fields.amountStopped")} ${formatYuan(r.amountStopped)}` : ""}
          {r.answerReason ? ` · ${r.answerReason}` : ""}
        </p>
      </section>
    </article>
  );
}
