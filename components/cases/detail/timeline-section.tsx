import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/case-detail";
import { formatYuan } from "@/lib/cases/money";
import { Empty, Section } from "@/components/cases/detail/section";

type T = Awaited<ReturnType<typeof getTranslations<"cases">>>;
const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const yuan = (v: unknown) => (typeof v === "string" && /^\d+(\.\d+)?$/.test(v) ? formatYuan(v) : str(v));

/** Where the label of each correctable field lives (facts_updated, victim_updated name the fields). */
const FIELD_LABEL: Record<string, string> = {
  fraudType: "list.fraudType", summary: "detail.summary", lossAt: "detail.lossAt", reportedAt: "detail.reportedAt",
  name: "intake.name", phone: "intake.phone", idNumber: "intake.idNumber", gender: "intake.gender", age: "intake.age", address: "intake.address", lossAmount: "intake.lossAmount",
};

/** The values each event's message needs, enum values translated, money formatted (data is masked already). */
function eventValues(t: T, kind: string, d: Record<string, unknown>): Record<string, string> {
  const tr = (ns: string, v: unknown) => (typeof v === "string" && t.has(`${ns}.${v}`) ? t(`${ns}.${v}`) : str(v));
  switch (kind) {
    case "created": return { source: tr("source", d.source) };
    case "victim_added": return { name: str(d.name), amount: yuan(d.lossAmount) };
    case "facts_updated":
    case "victim_updated": {
      const fields = (Array.isArray(d.fields) ? d.fields : []).map((f) => (typeof f === "string" && FIELD_LABEL[f] && t.has(FIELD_LABEL[f]) ? t(FIELD_LABEL[f]) : str(f)));
      const loss = "lossAmount" in d ? ` ${yuan(d.previousLoss)} → ${yuan(d.lossAmount)}` : "";
      return { name: str(d.name), fields: fields.join("、") + loss };
    }
    case "transferred": return { fromUnit: str(d.fromUnit), toUnit: str(d.toUnit) };
    case "status_changed": return { from: tr("status", d.from), to: tr("status", d.to) };
    case "freeze_requested": return { kind: tr("freezeKind", d.kind), bankName: str(d.bankName), account: str(d.account), amount: yuan(d.amount) };
    case "freeze_updated": return { kind: tr("freezeKind", d.kind), status: tr("freezeStatus", d.status), hasAccount: d.account ? "yes" : "no", account: str(d.account), amount: yuan(d.amountHeld) };
    case "suspect_added": return { name: str(d.name), status: tr("suspectStatus", d.status) };
    case "suspect_status": return { name: str(d.name), from: tr("suspectStatus", d.from), to: tr("suspectStatus", d.to) };
    case "suspect_gang": return { name: str(d.name), gang: str(d.gang) || t("suspects.noGang") };
    case "gang_linked":
    case "gang_dismantled": return { gang: str(d.gang) };
    case "item_seized": return { type: tr("itemType", d.type), quantity: str(d.quantity) };
    case "item_disposed": return { type: tr("itemType", d.type), quantity: str(d.quantity), to: tr("disposition", d.to) };
    case "recovery_recorded": return { amount: yuan(d.amount), method: tr("recoveryMethod", d.method) };
    case "recovery_returned": return { amount: yuan(d.amount), victim: str(d.victim) };
    case "contact_added": return { contact: str(d.contact) };
    case "link_proposed": return { other: str(d.other) };
    case "link_confirmed":
    case "link_rejected": return { cases: (Array.isArray(d.cases) ? d.cases : []).map(str).join("、") };
    default: return {};
  }
}

/** Every change, newest first: what, by whom, when. */
export async function TimelineSection({ c }: { c: CaseDetail }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  return (
    <Section id="timeline" title={t("detail.sections.timeline")} count={c.timeline.length}>
      {c.timeline.length === 0 ? <Empty>{t("timeline.empty")}</Empty> : (
        <ol className="relative space-y-3 border-l border-slate-200 pl-4" data-testid="timeline">
          {c.timeline.map((e) => {
            const known = t.has(`events.${e.kind}`);
            const text = known ? t(`events.${e.kind}`, eventValues(t, e.kind, e.data)) : t("events.other", { kind: e.kind });
            return (
              <li key={e.id} className="text-sm" data-event={e.kind}>
                <span className="absolute -left-1.5 mt-1.5 size-3 rounded-full border-2 border-white bg-brand-600" aria-hidden />
                <p className="text-slate-800">{text}</p>
                {typeof (e.data.note ?? e.data.reason) === "string" ? <p className="text-xs text-slate-600">{t("events.note", { note: String(e.data.note ?? e.data.reason) })}</p> : null}
                <p className="text-xs text-slate-500">
                  {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })} · {e.by ?? t("timeline.system")}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
