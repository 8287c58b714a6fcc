// The legal side of bank and carrier requests (issue 16 item 5): which partner each kind goes to,
// its legal basis and its deadline. No "server-only": the pages' labels read it too.
import type { OutboundChannel, PartnerRequestKind } from "@/lib/generated/prisma/enums";
import { HOLD_MS } from "@/lib/cases/freeze-rules";

export const PARTNER_REQUEST_KINDS = ["STOP_PAYMENT", "FREEZE", "SUSPEND", "VERIFY"] as const satisfies readonly PartnerRequestKind[];
export const BANK_KINDS: readonly PartnerRequestKind[] = ["STOP_PAYMENT", "FREEZE"];
export const isBankKind = (k: PartnerRequestKind) => BANK_KINDS.includes(k);
export const channelOf = (k: PartnerRequestKind): OutboundChannel => (isBankKind(k) ? "BANK" : "CARRIER");

/** The document's title and its number's prefix. */
export const DOC_TITLE: Record<PartnerRequestKind, string> = {
  STOP_PAYMENT: "紧急止付通知书", FREEZE: "协助冻结财产通知书", SUSPEND: "停机通知书", VERIFY: "协助核查通知书",
};
export const DOC_PREFIX: Record<PartnerRequestKind, string> = { STOP_PAYMENT: "止付", FREEZE: "冻结", SUSPEND: "停机", VERIFY: "核查" };

/** The legal basis printed on the document unless the requester names another. */
export const DEFAULT_LEGAL_BASIS: Record<PartnerRequestKind, string> = {
  STOP_PAYMENT: "《中华人民共和国反电信网络诈骗法》第二十条、《电信网络新型违法犯罪案件涉案账户紧急止付和快速冻结工作规定》",
  FREEZE: "《中华人民共和国刑事诉讼法》第一百四十四条、《公安机关办理刑事案件程序规定》第二百三十八条",
  SUSPEND: "《中华人民共和国反电信网络诈骗法》第十一条、第三十二条",
  VERIFY: "《中华人民共和国反电信网络诈骗法》第十一条、《中华人民共和国刑事诉讼法》第五十四条",
};

/**
 * The request's deadline from `from`: a stop-payment holds 48 hours (from the bank's execution once
 * it answers) and lapses unless a freeze follows; a freeze holds six months. A carrier's 停机/核查
 * has no statutory hold.
 */
export function deadlineOf(kind: PartnerRequestKind, from: Date): Date | null {
  if (kind === "STOP_PAYMENT") return new Date(from.getTime() + HOLD_MS.STOP_PAYMENT);
  if (kind === "FREEZE") return new Date(from.getTime() + HOLD_MS.FREEZE);
  return null;
}

/** A stop-payment this close to lapsing shows amber on the lists (the flag itself comes at the deadline). */
export const LAPSE_WARNING_MS = 12 * 3_600_000;

type Lapsable = { kind: PartnerRequestKind; status: string; deadlineAt: Date | null; lapseFlaggedAt: Date | null; followed: boolean };

/** The deadline state of a request at `now`: lapsed (flagged), lapsing (within the warning window), or none. */
export function deadlineState(r: Lapsable, now: Date): "lapsed" | "lapsing" | null {
  if (r.kind !== "STOP_PAYMENT" || r.followed || !r.deadlineAt || (r.status !== "SENT" && r.status !== "ACCEPTED")) return null;
  if (r.lapseFlaggedAt) return "lapsed";
  const left = r.deadlineAt.getTime() - now.getTime();
  return left <= LAPSE_WARNING_MS ? "lapsing" : null;
}
