// The victim profile as CSV (dimension, bucket, count), labels in the reader's language, with a
// BOM so spreadsheet programs read the Chinese right. Aggregates only.
import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { exportTranslator } from "@/lib/i18n/messages";
import { csvLine } from "@/lib/export/csv";
import type { VictimProfile } from "@/lib/profiles/queries";

export async function profileCsv(p: VictimProfile, locale: Locale): Promise<{ csv: string; filename: string }> {
  const t = exportTranslator(locale, "profiles");
  const lines = [csvLine([t("csv.dimension"), t("csv.bucket"), t("csv.fraudType"), t("csv.count")])];
  for (const r of p.ageByFraud) {
    for (const [type, n] of Object.entries(r.byType)) lines.push(csvLine([t("dims.age_fraud"), t(`ages.${r.age}`), t(`fraudTypes.${type}`), n]));
  }
  for (const r of p.gender) lines.push(csvLine([t("dims.gender"), t(`genders.${r.gender}`), "", r.count]));
  for (const r of p.heat) lines.push(csvLine([t("dims.hour"), `${t(`weekdays.${r.weekday}`)} ${String(r.hour).padStart(2, "0")}:00`, "", r.count]));
  for (const r of p.channel) lines.push(csvLine([t("dims.channel"), t(`channels.${r.channel}`), "", r.count]));
  for (const r of p.amount) lines.push(csvLine([t("dims.amount"), t(`amounts.${r.band}`), "", r.count]));
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, filename: `${t("title")}-${p.unit.name}-${p.range.from}_${p.range.to}.csv` };
}
