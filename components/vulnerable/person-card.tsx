import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { LabelledRow } from "@/lib/persons/labels";
import { Badge, Card } from "@/components/ui/card";

const TONE = { ELDERLY_ALONE: "amber", STUDENT: "blue", REPEAT_WARNINGS: "red", PAST_VICTIM: "red", CARD_SELLING_SUSPECT: "slate" } as const;

/** One labelled person on the precinct list: masked identity, labels, last contact. */
export async function PersonLabelCard({ row, now }: { row: LabelledRow; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("vulnerable"), getFormatter()]);
  const days = row.lastContactAt ? Math.floor((now.getTime() - new Date(row.lastContactAt).getTime()) / 86_400_000) : null;
  return (
    <Card className="space-y-2 p-4 text-base" data-testid="vulnerable-person">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{row.name ?? "—"}</span>
        {row.labels.map((l) => <Badge key={l} tone={TONE[l]}>{t(`labels.${l}`)}</Badge>)}
      </div>
      {row.phone ? <p className="font-mono text-sm text-slate-700">{row.phone}</p> : null}
      <p className="text-sm break-words text-slate-600">{[row.community, row.address, row.unitName].filter(Boolean).join(" · ")}</p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className={days === null || days > 90 ? "text-sm font-medium text-red-700" : "text-sm text-slate-600"}>
          {t("list.lastContact")}：{row.lastContactAt ? `${format.dateTime(new Date(row.lastContactAt), { dateStyle: "medium" })}（${t("list.daysAgo", { n: days! })}）` : t("list.never")}
        </p>
        <Link href={`/persons/${row.personId}`} className="inline-flex min-h-11 min-w-11 items-center justify-center px-2 text-sm text-brand-600 hover:underline">{t("list.file")}</Link>
      </div>
    </Card>
  );
}
