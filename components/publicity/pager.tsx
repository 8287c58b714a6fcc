import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous/next links that keep the current filters (URL state). */
export async function Pager({ page, pageCount, total, href }: { page: number; pageCount: number; total: number; href: (page: number) => string }) {
  const t = await getTranslations("publicity.common");
  if (pageCount <= 1) return null;
  const link = "inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50";
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600" aria-label={t("page", { page, pages: pageCount, total })}>
      <span>{t("page", { page, pages: pageCount, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)}>{t("prev")}</Link> : null}
        {page < pageCount ? <Link className={link} href={href(page + 1)}>{t("next")}</Link> : null}
      </span>
    </nav>
  );
}

/** A query string of the non-empty values. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}
