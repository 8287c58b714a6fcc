import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowDown, ArrowUp, Minus } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { statsHref } from "@/components/stats/href";
import { percent, wan } from "@/lib/stats/format";
import { RANKING_KIND, type Ranking, type RankingRow } from "@/lib/stats/rankings";
import type { StatsQuery } from "@/lib/stats/schemas";

export async function rankingValueText(kind: (typeof RANKING_KIND)[keyof typeof RANKING_KIND], row: RankingRow): Promise<string> {
  if (row.value === null) return "—";
  if (kind === "money") return wan(row.exact ?? row.value);
  if (kind === "count") return new Intl.NumberFormat("zh-CN").format(row.value);
  return percent(row.value, 2);
}

/** Movement since the previous period: ↑ climbed, ↓ fell, – same, — nothing to compare with. */
export async function Move({ row }: { row: RankingRow }) {
  const t = await getTranslations("stats.rankings");
  if (row.rank === null) return <span className="text-slate-400">—</span>;
  if (row.previousRank === null) return <span className="text-slate-400" title={t("new")} data-move="none"><span aria-hidden>—</span><span className="sr-only">{t("new")}</span></span>;
  const d = row.previousRank - row.rank;
  if (d === 0) return <span className="inline-flex items-center text-slate-500" aria-label={t("same")}><Minus className="size-3.5" aria-hidden /></span>;
  const up = d > 0;
  return (
    <span className={cn("inline-flex items-center gap-0.5 text-xs", up ? "text-green-700" : "text-red-700")} aria-label={t(up ? "up" : "down", { n: Math.abs(d) })}>
      {up ? <ArrowUp className="size-3.5" aria-hidden /> : <ArrowDown className="size-3.5" aria-hidden />}
      <span aria-hidden>{Math.abs(d)}</span>
    </span>
  );
}

/** One ranking: rank, unit (drill-down link), value, movement. `limit` shortens it for the bulletin. */
export async function RankingTable({ ranking, query, limit }: { ranking: Ranking; query: StatsQuery; limit?: number }) {
  const t = await getTranslations("stats.rankings");
  const rows = limit ? ranking.rows.slice(0, limit) : ranking.rows;
  const kind = RANKING_KIND[ranking.key];
  return (
    <Card className="overflow-hidden break-inside-avoid" data-testid={`ranking-${ranking.key}`}>
      <table className="w-full text-sm tabular-nums">
        <caption className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-sm font-semibold text-slate-900">{t(ranking.key)}</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="w-12 px-3 py-1.5 text-left font-medium">{t("rank")}</th>
            <th scope="col" className="px-3 py-1.5 text-left font-medium">{t("unit")}</th>
            <th scope="col" className="px-3 py-1.5 text-right font-medium">{t("value")}</th>
            <th scope="col" className="w-16 px-3 py-1.5 text-right font-medium whitespace-nowrap">{t("move")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {await Promise.all(rows.map(async (r) => (
            <tr key={r.code} data-unit={r.code}>
              <td className="px-3 py-1.5">{r.rank ?? "—"}</td>
              <td className="px-3 py-1.5">
                <Link href={statsHref("", query, { unit: r.code })} className="text-brand-700 underline-offset-2 hover:underline print:text-slate-900 print:no-underline">{r.name}</Link>
              </td>
              <td className="px-3 py-1.5 text-right">{await rankingValueText(kind, r)}</td>
              <td className="px-3 py-1.5 text-right"><Move row={r} /></td>
            </tr>
          )))}
        </tbody>
      </table>
    </Card>
  );
}
