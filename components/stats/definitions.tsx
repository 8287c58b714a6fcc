import { getTranslations } from "next-intl/server";

const KEYS = [
  "period", "casesFiled", "casesSolved", "gangsDismantled", "suspectsArrested", "itemsSeized", "peopleDissuaded", "lossStopped", "center",
  "fundsRecovered", "appRegistrations", "warningsHandled", "hotlineCalls", "consultationCalls", "outreachAudience", "rankings", "charts",
] as const;

/** The definitions of every figure, as footnotes (the same text lib/stats documents). */
export async function Definitions({ only }: { only?: readonly (typeof KEYS)[number][] }) {
  const t = await getTranslations("stats.definitions");
  return (
    <section aria-labelledby="stats-definitions" className="mt-8 text-xs leading-relaxed text-slate-500">
      <h2 id="stats-definitions" className="mb-1 text-sm font-medium text-slate-700">{t("heading")}</h2>
      <ol className="list-decimal space-y-0.5 pl-5">
        {(only ?? KEYS).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ol>
    </section>
  );
}
