import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ContactWithCounts } from "@/lib/contacts/queries";
import { Badge } from "@/components/ui/card";

/** A record's fraud contacts, each with "appears in N other warnings and M cases" and a link to its cluster. */
export async function ContactList({ items }: { items: ContactWithCounts[] }) {
  const t = await getTranslations("links");
  if (!items.length) return <p className="text-sm text-slate-500">{t("contacts.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="fraud-contacts">
      {items.map((c) => {
        const shared = c.otherWarnings + c.otherCases > 0;
        return (
          <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-contact={c.id}>
            <Badge tone="slate">{t(`kind.${c.kind}`)}</Badge>
            <span className="font-mono break-all">{c.display}</span>
            <span className={shared ? "font-medium text-amber-800" : "text-slate-500"} data-testid="contact-appears">
              {shared ? t("contacts.appears", { warnings: c.otherWarnings, cases: c.otherCases }) : t("contacts.none")}
            </span>
            {shared ? (
              <Link href={`/cases/links?contact=${c.id}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline" data-testid="open-cluster">
                {t("contacts.open")} →
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
