import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { tailSchema, tailSearch } from "@/lib/persons/queries";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { LookupForm } from "@/components/persons/lookup-form";
import { lookupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("persons"))("title") };
}

type Props = { searchParams: Promise<{ tail?: string }> };

export default async function PersonsPage({ searchParams }: Props) {
  const actor = await requirePagePermission("persons:read");
  const [t, format, { tail }] = await Promise.all([getTranslations("persons"), getFormatter(), searchParams]);
  const parsed = tail === undefined ? null : tailSchema.safeParse({ tail });
  const hits = parsed?.success ? await tailSearch(actor, parsed.data.tail) : null;
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card className="space-y-3 p-4">
        <h2 className="text-sm font-semibold">{t("tail.title")}</h2>
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <label htmlFor="tail" className="sr-only">{t("tail.label")}</label>
          <Input id="tail" name="tail" defaultValue={tail ?? ""} placeholder={t("tail.placeholder")} inputMode="numeric" maxLength={4} className="w-40 font-mono" aria-invalid={parsed ? !parsed.success : undefined} />
          <Button type="submit">{t("tail.submit")}</Button>
          {parsed && !parsed.success ? <p role="alert" className="w-full text-sm text-red-700">{t("tail.invalid")}</p> : null}
        </form>
        {hits ? (
          hits.length === 0 ? <EmptyState title={t("tail.none")} /> : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="tail-results">
              {hits.map((h) => (
                <li key={h.id}>
                  <Link href={`/persons/${h.id}`} className="flex min-h-11 flex-wrap items-center gap-x-4 gap-y-1 py-2 hover:bg-slate-50">
                    <span className="font-mono text-brand-600">{h.identifiers.map((i) => i.masked).join(" / ")}</span>
                    <span className="text-xs text-slate-500">{h.lastWarningAt ? `${t("tail.lastWarning")} ${format.dateTime(new Date(h.lastWarningAt), { dateStyle: "short" })}` : ""}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </Card>
      {actor.permissions.has("pii:reveal") ? (
        <Card className="space-y-3 p-4">
          <h2 className="text-sm font-semibold">{t("lookup.title")}</h2>
          <p className="text-xs text-slate-500">{t("lookup.hint")}</p>
          <LookupForm action={lookupAction} />
        </Card>
      ) : null}
    </div>
  );
}
