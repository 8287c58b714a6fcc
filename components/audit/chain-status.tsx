import { getTranslations } from "next-intl/server";
import { ShieldAlert, ShieldCheck } from "lucide-react";
import { verifyAppAuditChain } from "@/lib/audit/verify-chain";

const REASON_KEY = { hash: "reasonHash", "prev-hash": "reasonLink", head: "reasonHead" } as const;

/** Walks the whole chain (streamed in under Suspense: on a large trail it takes a while). */
export async function ChainStatus() {
  const [t, report] = await Promise.all([getTranslations("audit.chain"), verifyAppAuditChain()]);
  if (report.intact) {
    return (
      <p className="flex items-center gap-2 rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="chain-status">
        <ShieldCheck className="size-5 shrink-0" aria-hidden />
        <span><strong>{t("title")}</strong>：{t("intact", { count: report.count })}</span>
      </p>
    );
  }
  return (
    <p className="flex items-center gap-2 rounded-md bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="chain-status">
      <ShieldAlert className="size-5 shrink-0" aria-hidden />
      <span>
        <strong>{t("title")}</strong>：
        {t("broken", { id: String(report.brokenAt), count: report.count, reason: t(REASON_KEY[report.reason]) })}
      </span>
    </p>
  );
}
