import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { chinaDateTime } from "@/lib/time/china";

type UnmatchedCall = {
  id: string; callId: string; direction: "OUTBOUND" | "INBOUND"; callerNumber: string | null; calleeNumber: string | null;
  agent: string | null; ringingAt: string | null; answeredAt: string | null; endedAt: string | null; durationSeconds: number | null;
  createdAt: string; unit: { name: string };
};

/** The 96110 calls the call center reported that matched no warning (numbers masked): kept, never lost. */
export async function UnmatchedCalls({ calls }: { calls: UnmatchedCall[] }) {
  const t = await getTranslations("calls");
  return (
    <section aria-labelledby="unmatched-calls-h" className="space-y-2">
      <h2 id="unmatched-calls-h" className="text-base font-semibold">
        {t("unmatched.title")} <span className="text-sm font-normal text-slate-500">{t("unmatched.hint")}</span>
      </h2>
      {calls.length === 0 ? (
        <Card className="px-4 py-6 text-center text-sm text-slate-500">{t("unmatched.empty")}</Card>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" data-testid="unmatched-calls">
            {calls.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2 px-4 py-2.5 text-sm" data-call-id={c.callId}>
                <span className="tabular-nums">{chinaDateTime(new Date(c.ringingAt ?? c.answeredAt ?? c.endedAt ?? c.createdAt))}</span>
                <span>{t(`direction.${c.direction}`)}</span>
                <span className="tabular-nums">{c.direction === "OUTBOUND" ? c.calleeNumber : c.callerNumber}</span>
                <span className="text-slate-500">
                  · {c.answeredAt ? t("unmatched.talked", { seconds: c.durationSeconds ?? 0 }) : t("unmatched.notAnswered")}
                  {c.agent ? ` · ${t("unmatched.agent", { agent: c.agent })}` : ""} · {c.unit.name}
                </span>
                <span className="ml-auto font-mono text-xs text-slate-400">{c.callId}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
