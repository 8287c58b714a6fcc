import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "此人档案 · 近90天预警 3 次": one click from a record to its person's file. */
export async function PersonLink({ link }: { link: { personId: string; warnings90d: number } | null }) {
  if (!link) return null;
  const t = await getTranslations("persons");
  return (
    <Link href={`/persons/${link.personId}`} className="inline-flex min-h-11 items-center gap-1 text-sm text-brand-600 hover:underline" data-testid="person-link">
      {t("link.file")}
      <span className="text-sm text-slate-500">· {t("link.recent", { n: link.warnings90d })}</span>
    </Link>
  );
}
