import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TrendingUp } from "lucide-react";
import type { FraudTypeSurge, SurgeRule } from "@/lib/profiles/surge";

/** The fraud types surging this week, with the "target this group" shortcut for publicity staff. */
export async function SurgeFlag({ surges, rule, canTarget, profilesHref, quiet }: {
  surges: FraudTypeSurge[]; rule: SurgeRule; canTarget: boolean; profilesHref?: string;
  /** Render nothing when no type surges (the overview). */
  quiet?: boolean;
}) {
  if (quiet && surges.length === 0) return null;
  const t = await getTranslations("profiles");
  const fmt = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 });
  const ruleText = t("surge.rule", { weeks: String(rule.weeks), z: fmt.format(rule.z), min: String(rule.minCount) });
  if (surges.length === 0) {
    return (
      <section className="mb-4 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600" data-testid="surge-none">
        <p>{t("surge.none")}</p>
        <p className="mt-1 text-xs text-slate-500">{ruleText}</p>
      </section>
    );
  }
  return (
    <section role="alert" aria-labelledby="surge-title" className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="surge-flag">
      <h2 id="surge-title" className="flex items-center gap-2 font-semibold">
        <TrendingUp className="size-4" aria-hidden />
        {t("surge.title")}
      </h2>
      <ul className="mt-2 space-y-2">
        {surges.map((s) => (
          <li key={s.fraudType} className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="surge-item" data-type={s.fraudType}>
            <span className="font-medium">
              {t("surge.item", { type: t(`fraudTypes.${s.fraudType}`), count: fmt.format(s.count), threshold: fmt.format(s.threshold), weeks: String(rule.weeks), mean: fmt.format(s.mean) })}
            </span>
            <span className="text-red-800">{t("surge.topAge", { age: t(`ages.${s.topAgeGroup}`) })}</span>
            {canTarget ? (
              <Link href={`/publicity/events/new?${new URLSearchParams({ fraudType: s.fraudType, ageGroup: s.topAgeGroup })}`}
                className="inline-flex min-h-8 items-center rounded-md border border-red-400 bg-white px-2 text-xs font-medium text-red-800 hover:bg-red-100" data-testid="surge-target">
                {t("surge.target")}
              </Link>
            ) : null}
            {profilesHref ? <Link href={profilesHref} className="text-xs text-red-800 underline">{t("surge.profiles")}</Link> : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-red-800/80">{ruleText}</p>
    </section>
  );
}
