import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { MeasureReveal } from "@/components/publicity/measure-reveal";
import { DataTable } from "@/components/ui/table";
import type { MeasureDto, MeasureState } from "@/lib/publicity/measures";

const STATE_TONE: Record<MeasureState, "slate" | "green" | "red" | "amber" | "blue"> = {
  upcoming: "blue", active: "green", ending: "amber", ended: "slate", once: "slate", revoked: "red",
};

/** The register: masked identities (revealed one at a time, audited), ending-soon measures flagged. */
export async function MeasuresTable({ items, canEdit, canReveal }: { items: MeasureDto[]; canEdit: boolean; canReveal: boolean }) {
  const [t, ta] = await Promise.all([getTranslations("publicity"), getTranslations("appeals")]);
  const identity = (m: MeasureDto, field: "personName" | "personIdNumber") => {
    const masked = m[field];
    if (!masked) return <span className="text-slate-400">{t("measures.noIdNumber")}</span>;
    return canReveal ? <MeasureReveal masked={masked} id={m.id} field={field} /> : <span className="font-mono">{masked}</span>;
  };
  return (
    <DataTable
      testId="measures-table" frameClassName="relative"
      head={
        <>
          <th className="px-3 py-2 font-medium">{t("fields.personName")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.personIdNumber")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.measure")}</th>
          <th className="px-3 py-2 font-medium">{t("measures.period")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.state")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.unit")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.caseNumber")}</th>
          <th className="px-3 py-2 font-medium">{t("fields.reason")}</th>
          {canEdit ? <th className="px-3 py-2"><span className="sr-only">{t("common.edit")}</span></th> : null}
        </>
      }
    >
      {items.map((m) => (
        <tr key={m.id} data-measure={m.id} data-state={m.state} className={m.state === "ending" ? "bg-amber-50" : undefined}>
          <td className="px-3 py-2 whitespace-nowrap">{identity(m, "personName")}</td>
          <td className="px-3 py-2 whitespace-nowrap">{identity(m, "personIdNumber")}</td>
          <td className="px-3 py-2 whitespace-nowrap">{t(`measureKinds.${m.measure}`)}</td>
          <td className="px-3 py-2 text-xs whitespace-nowrap tabular-nums">{m.startsOn}{m.endsOn ? <><br />~ {m.endsOn}</> : null}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            <Badge tone={STATE_TONE[m.state]}>{t(`measureStates.${m.state}`)}</Badge>
            {m.state === "ending" && m.daysLeft !== null ? (
              <span className="ml-1 text-xs text-amber-800">{m.daysLeft === 0 ? t("measures.endsToday") : t("measures.daysLeft", { n: m.daysLeft })}</span>
            ) : null}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{m.unitName}</td>
          <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{m.caseNumber ?? t("common.dash")}</td>
          <td className="max-w-44 truncate px-3 py-2 text-slate-600" title={m.reason}>{m.reason}</td>
          {canEdit ? (
            <td className="px-3 py-2 text-right">
              <Link href={`/publicity/measures/${m.id}`} className="whitespace-nowrap text-brand-700 hover:underline">{t("common.edit")}</Link>
              {m.state !== "revoked" ? (
                <Link href={`/publicity/appeals/new?measure=${m.id}`} className="ml-3 whitespace-nowrap text-brand-700 hover:underline" data-testid="measure-appeal">
                  {ta("measure.appeal")}
                </Link>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
