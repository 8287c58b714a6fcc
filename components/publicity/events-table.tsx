import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { KindBadge } from "@/components/publicity/kind-badge";
import { DataTable } from "@/components/ui/table";
import type { EventDto } from "@/lib/publicity/events";

/** Events as a table on a desk, as cards on a phone. */
export async function EventsTable({ items, canEdit }: { items: EventDto[]; canEdit: boolean }) {
  const [t, format] = await Promise.all([getTranslations("publicity"), getFormatter()]);
  const n = (v: number) => format.number(v);
  return (
    <>
      <ul className="space-y-2 md:hidden" data-testid="events-cards">
        {items.map((e) => (
          <li key={e.id} data-event={e.id}>
            <Card className="p-3">
              <div className="flex items-start justify-between gap-2">
                <p className="font-medium">{e.title}</p>
                <KindBadge kind={e.kind} label={t(`kinds.${e.kind}`)} />
              </div>
              <p className="mt-1 text-xs text-slate-500">{e.occurredOn} · {e.unitName}{e.place ? ` · ${e.place}` : ""}</p>
              <p className="mt-1 text-sm tabular-nums">
                {t("fields.audienceCount")} {n(e.audienceCount)} · {t("fields.appRegistrations")} {n(e.appRegistrations)}
              </p>
              {canEdit ? <Link href={`/publicity/events/${e.id}`} className="mt-1 inline-flex min-h-11 items-center text-sm text-brand-700">{t("common.edit")}</Link> : null}
            </Card>
          </li>
        ))}
      </ul>
      <DataTable
        testId="events-table" frameClassName="relative hidden md:block"
        head={
          <>
            <th className="px-3 py-2 font-medium">{t("fields.occurredOn")}</th>
            <th className="px-3 py-2 font-medium">{t("fields.title")}</th>
            <th className="px-3 py-2 font-medium">{t("fields.kind")}</th>
            <th className="px-3 py-2 font-medium">{t("fields.targetGroup")}</th>
            <th className="px-3 py-2 font-medium">{t("fields.unit")}</th>
            <th className="px-3 py-2 font-medium">{t("fields.place")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("fields.audienceCount")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("fields.appRegistrations")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("fields.materialsCount")}</th>
            {canEdit ? <th className="px-3 py-2"><span className="sr-only">{t("common.edit")}</span></th> : null}
          </>
        }
      >
        {items.map((e) => (
          <tr key={e.id} data-event={e.id}>
            <td className="px-3 py-2 whitespace-nowrap tabular-nums">{e.occurredOn}</td>
            <td className="px-3 py-2">{e.title}</td>
            <td className="px-3 py-2"><KindBadge kind={e.kind} label={t(`kinds.${e.kind}`)} /></td>
            <td className="px-3 py-2 whitespace-nowrap">{t(`groups.${e.targetGroup}`)}</td>
            <td className="px-3 py-2 whitespace-nowrap">{e.unitName}</td>
            <td className="max-w-48 truncate px-3 py-2 text-slate-600" title={e.place ?? undefined}>{e.place ?? t("common.dash")}</td>
            <td className="px-3 py-2 text-right tabular-nums">{n(e.audienceCount)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{n(e.appRegistrations)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{n(e.materialsCount)}</td>
            {canEdit ? (
              <td className="px-3 py-2 text-right">
                <Link href={`/publicity/events/${e.id}`} className="whitespace-nowrap text-brand-700 hover:underline">{t("common.edit")}</Link>
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
