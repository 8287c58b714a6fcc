import { getTranslations } from "next-intl/server";
import { Construction } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";

type Feature = "warnings" | "field" | "cases" | "publicity" | "stats" | "apiKeys" | "audit";

/** What a page of a feature not built yet shows: plainly that, and what it will hold. */
export async function ComingSoon({ feature }: { feature: Feature }) {
  const t = await getTranslations();
  const name = t(`nav.${feature}`);
  return (
    <>
      <PageHeader title={name} />
      <EmptyState
        title={
          <span className="inline-flex items-center gap-2">
            <Construction className="size-5 text-amber-600" aria-hidden />
            {t("comingSoon.title", { feature: name })}
          </span>
        }
      >
        {t("comingSoon.body", { what: t(`comingSoon.${feature}`) })}
      </EmptyState>
    </>
  );
}
